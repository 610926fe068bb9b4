/**
 * Compression on the wire (issue 17): JSON over ~1 kB goes out as brotli or gzip when the client accepts
 * it, byte for byte the same document once decompressed; small answers and clients that accept nothing
 * get plain bytes.
 */
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

const get = (url: string, encoding?: string) => t.rt.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} })

describe('compression', () => {
  it('sends a large JSON document as brotli or gzip, the same bytes once decompressed', async () => {
    const plain = await get('/v1/openapi.json')
    expect(plain.statusCode).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.rawPayload.length).toBeGreaterThan(1024)
    const br = await get('/v1/openapi.json', 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3)
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true)
    const gz = await get('/v1/openapi.json', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true)
  })

  it('leaves small answers alone', async () => {
    const r = await get('/healthz', 'br, gzip')
    expect(r.statusCode).toBe(200)
    expect(r.rawPayload.length).toBeLessThan(1024)
    expect(r.headers['content-encoding']).toBeUndefined()
  })
})
