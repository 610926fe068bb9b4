// `npm run contract:types`: the web's API types, generated from the live app's OpenAPI document into
// contract/api.d.ts (issue 12). The real app is started the way the tests start it (a throwaway DATA_DIR with
// its own PGlite database, no demo seed), /v1/openapi.json is asked for with app.inject, and openapi-typescript
// turns it into TypeScript. The output is deterministic (the document follows the route registration order,
// openapi-typescript adds no dates), so test/contract-api-types.test.ts can compare it byte for byte with the
// committed file and fail when a route schema changed without regenerating.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import openapiTS, { astToString } from 'openapi-typescript'

export const API_TYPES_FILE = path.resolve(import.meta.dirname, '..', '..', 'contract', 'api.d.ts')

const HEADER = `// GENERATED FILE: do not edit. Regenerate with \`npm run contract:types\` (api/scripts/api-types.ts) after a
// route schema changes: the types of the API's requests and responses, from GET /v1/openapi.json, by
// openapi-typescript. Dependency-free: the web imports it type-only (web/src/api.ts: Json<Path, Method, Status>).
`

/** The TypeScript for the app's OpenAPI document, exactly as written to contract/api.d.ts. */
export async function generateApiTypes(app: FastifyInstance): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/v1/openapi.json' })
  if (res.statusCode !== 200) throw new Error(`GET /v1/openapi.json answered ${res.statusCode}`)
  const nodes = await openapiTS(res.json() as Parameters<typeof openapiTS>[0], { silent: true })
  return `${HEADER}\n${astToString(nodes).replace(/\r\n/g, '\n').trimEnd()}\n`
}

async function main() {
  // Imported here, not at the top: the test imports generateApiTypes without pulling in a second runtime.
  const { loadConfig } = await import('../src/config.ts')
  const { startRuntime } = await import('../src/runtime.ts')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-api-types-'))
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: '0', LOG_LEVEL: 'silent', PORT: '0' })
    const rt = await startRuntime(config)
    try {
      const text = await generateApiTypes(rt.app)
      fs.writeFileSync(API_TYPES_FILE, text)
      console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)} (${text.split('\n').length} lines)`)
    } finally {
      await rt.close()
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
