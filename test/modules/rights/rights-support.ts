/** Shared set-up for the rights tests: files read back with exiftool, downloads, ZIP exports. */
import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect } from 'vitest'
import { request, upload, type TestApp } from '../../support/app.ts'
import { exifTags } from '../../support/image.ts'
import { randomJpeg, type Staff, type User } from '../../support/factories.ts'

const run = promisify(execFile)
export type Tags = Record<string, unknown>

/** The private values planted in the fixtures (names, serials, places), from the manifest beside any fixture. */
export function privateStrings(fixture: string): string[] {
  return (JSON.parse(fs.readFileSync(path.join(path.dirname(fixture), 'manifest.json'), 'utf8')) as { privateStrings: string[] }).privateStrings
}

/** exiftool's view of the bytes (`-a -G1 -u -b`), plus the same read with -n for raw values. */
export async function readBack(bytes: Buffer, ext = 'jpg'): Promise<Tags> {
  return exifTags(bytes, ext)
}

export const str = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v ?? ''))

/** A journalist's download of a photo: the grant and the file's bytes and headers. */
export async function download(t: TestApp, who: User, photoId: string, body: Record<string, unknown>) {
  const r = await request(t, 'POST', `/v1/photos/${photoId}/downloads`, who.token, body)
  expect(r.status, r.text).toBe(201)
  const res = await fetch(`${t.url}${r.body.url}`)
  expect(res.status).toBe(200)
  return {
    grant: r.body.grant as { id: string; preset: string },
    bytes: Buffer.from(await res.arrayBuffer()),
    disposition: res.headers.get('content-disposition') ?? '',
  }
}

/** A photo in which nobody is pictured, under `licence`, published. */
export async function placePhoto(t: TestApp, s: Staff, licence: string, texts: Record<string, string | string[]> = {}) {
  const { res, body } = await upload(
    t,
    s.photographer.token,
    { name: 'x.jpg', bytes: await randomJpeg(1500, 1000), type: 'image/jpeg' },
    {
      captionNl: 'Witte kabels van een brug boven het water',
      captionEn: 'White cables of a bridge above the water',
      altNl: 'Brugkabels tegen een blauwe lucht',
      altEn: 'Bridge cables against a blue sky',
      tags: ['brug', 'water'],
      ...texts,
    },
  )
  expect(res.status, JSON.stringify(body)).toBe(201)
  const patched = await request(t, 'PATCH', `/v1/photos/${body.id}`, s.photographer.token, { noPeople: true, licence })
  expect(patched.status, patched.text).toBe(200)
  expect((await request(t, 'POST', `/v1/photos/${body.id}/submit`, s.photographer.token)).status).toBe(200)
  const pub = await request(t, 'POST', `/v1/photos/${body.id}/publish`, s.curator.token)
  expect(pub.status, pub.text).toBe(200)
  return body.id as string
}

/** The curator's ZIP export of a new collection holding these photos: entry name → bytes. */
export async function exportZip(t: TestApp, curator: User, photoIds: string[]): Promise<Map<string, Buffer>> {
  const id = (await request(t, 'POST', '/v1/collections', curator.token, { kind: 'collection', titleNl: 'Rechten', titleEn: 'Rights' })).body.id as string
  for (const photoId of photoIds) expect((await request(t, 'POST', `/v1/collections/${id}/items`, curator.token, { photoId })).status).toBe(201)
  const res = await fetch(`${t.url}/v1/collections/${id}/export.zip`, { headers: { authorization: `Bearer ${curator.token}` } })
  expect(res.status).toBe(200)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-zip-'))
  try {
    const file = path.join(dir, `${crypto.randomUUID()}.zip`)
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
    const names = (await run('unzip', ['-Z1', file])).stdout
      .trim()
      .split('\n')
      .filter((n) => n.endsWith('.jpg'))
    const out = new Map<string, Buffer>()
    for (const n of names) out.set(n, (await run('unzip', ['-p', file, n], { encoding: 'buffer', maxBuffer: 64 << 20 })).stdout as unknown as Buffer)
    return out
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
