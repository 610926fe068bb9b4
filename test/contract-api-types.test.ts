// contract/api.d.ts (the web's API types) is generated from the live app's OpenAPI document: generating it again
// must give the committed file byte for byte, so a route schema changed without regenerating fails here.
import fs from 'node:fs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { API_TYPES_FILE, generateApiTypes } from '../api/scripts/api-types.ts'
import { startTestApp, type TestApp } from './support/app.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

test('contract/api.d.ts matches the API’s OpenAPI document', async () => {
  const generated = await generateApiTypes(app.rt.app)
  const committed = fs.existsSync(API_TYPES_FILE) ? fs.readFileSync(API_TYPES_FILE, 'utf8') : ''
  expect(committed === generated, 'contract/api.d.ts is out of date with the route schemas: run `npm run contract:types` and commit the result').toBe(true)
}, 60_000)
