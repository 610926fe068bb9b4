/**
 * Keywords in the served language, read back from real HTTP responses with Debian's exiftool
 * (libimage-exiftool-perl, /usr/bin/exiftool: a reader independent of the exiftool-vendored copy the other
 * tests use). IPTC Keywords (XMP dc:subject, a plain bag; IIM 2:25) have no language alternatives, so a
 * file carries the list of the language it is served in (?lang=, Dutch by default), or the other list when
 * that one is empty. Nothing private from the original goes along.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { request, startTestApp, upload, type TestApp } from '../../support/app.ts'
import { EDITORIAL, journalist, organisation, staff, type Staff, type User } from '../../support/factories.ts'
import { placePhoto, privateStrings } from './rights-support.ts'

const run = promisify(execFile)
const fx = inject('fixtures')
const PRIVATE_STRINGS = privateStrings(fx['meta-everything.jpg']!)

let t: TestApp
let s: Staff
let press: User
let tmp: string

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  press = await journalist(t, await organisation(t, 'De Trefwoordkrant'))
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-kw-'))
}, 60_000)
afterAll(async () => {
  await t?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

/** Debian's exiftool on the bytes: every tag of every group, as JSON (lists stay lists). */
async function exiftool(bytes: Buffer, ext: string): Promise<{ tags: Record<string, unknown>; text: string }> {
  const file = path.join(tmp, `probe-${Math.random().toString(36).slice(2)}.${ext}`)
  fs.writeFileSync(file, bytes)
  try {
    const { stdout } = await run('/usr/bin/exiftool', ['-j', '-a', '-G1', '-u', '-charset', 'iptc=UTF8', file], { maxBuffer: 16 << 20 })
    const [tags] = JSON.parse(stdout) as Record<string, unknown>[]
    for (const k of Object.keys(tags!)) if (/^(System|ExifTool):|^SourceFile$/.test(k)) delete tags![k]
    return { tags: tags!, text: JSON.stringify(tags) }
  } finally {
    fs.rmSync(file, { force: true })
  }
}
const list = (v: unknown) => (v === undefined ? [] : [v].flat().map(String))

async function media(photoId: string, file: string, lang?: 'nl' | 'en') {
  const res = await fetch(`${t.url}/v1/photos/${photoId}/media/${file}${lang ? `?lang=${lang}` : ''}`, {
    headers: { authorization: `Bearer ${s.curator.token}` },
  })
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

async function downloaded(photoId: string, lang: 'nl' | 'en') {
  const r = await request(t, 'POST', `/v1/photos/${photoId}/downloads`, press.token, { ...EDITORIAL, preset: 'full', format: 'jpeg' })
  expect(r.status, r.text).toBe(201)
  const res = await fetch(`${t.url}${r.body.url}&lang=${lang}`)
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

const NL = ['brug', 'zwaluwstaart', 'vlinderkast']
const EN = ['bridge', 'swallowtail', 'butterfly cabinet']

describe('keywords written into served files', () => {
  it('carry the English list in a file served in English and the Dutch list otherwise: media route (JPEG, WebP) and a download', async () => {
    const photoId = await placePhoto(t, s, 'cc-by@4.0', { tags: NL.join(', '), tagsEn: EN.join(', ') })
    const files: [string, Buffer, string][] = [
      ['medium.jpeg en', await media(photoId, 'medium.jpeg', 'en'), 'jpg'],
      ['small.webp en', await media(photoId, 'small.webp', 'en'), 'webp'],
      ['download en', await downloaded(photoId, 'en'), 'jpg'],
    ]
    for (const [what, bytes, ext] of files) {
      const { tags } = await exiftool(bytes, ext)
      expect(list(tags['XMP-dc:Subject']), what).toEqual(EN)
      if (ext === 'jpg') expect(list(tags['IPTC:Keywords']), what).toEqual(EN)
      // The other language's keywords are not in the file at all.
      for (const k of ['zwaluwstaart', 'vlinderkast']) expect(bytes.includes(k), `${what} contains ${k}`).toBe(false)
      // The caption in the same language (x-default), the other as its alternative.
      expect(tags['XMP-dc:Description'], what).toBe('White cables of a bridge above the water')
    }
    for (const [what, bytes] of [
      ['medium.jpeg default', await media(photoId, 'medium.jpeg')],
      ['medium.jpeg nl', await media(photoId, 'medium.jpeg', 'nl')],
      ['download nl', await downloaded(photoId, 'nl')],
    ] as const) {
      const { tags } = await exiftool(bytes, 'jpg')
      expect(list(tags['XMP-dc:Subject']), what).toEqual(NL)
      expect(list(tags['IPTC:Keywords']), what).toEqual(NL)
      for (const k of ['swallowtail', 'butterfly']) expect(bytes.includes(k), `${what} contains ${k}`).toBe(false)
    }
  }, 120_000)

  it('carry the other language when the one asked for has none, and follow an edit at once (new ETag)', async () => {
    const photoId = await placePhoto(t, s, 'cc0@1.0', { tags: 'gracht, fiets' })
    const first = await fetch(`${t.url}/v1/photos/${photoId}/media/medium.jpeg?lang=en`, { headers: { authorization: `Bearer ${s.curator.token}` } })
    expect(list((await exiftool(Buffer.from(await first.arrayBuffer()), 'jpg')).tags['IPTC:Keywords'])).toEqual(['gracht', 'fiets'])
    expect((await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { tagsEn: ['canal', 'bicycle'] })).status).toBe(200)
    const again = await fetch(`${t.url}/v1/photos/${photoId}/media/medium.jpeg?lang=en`, { headers: { authorization: `Bearer ${s.curator.token}` } })
    expect(again.headers.get('etag')).not.toBe(first.headers.get('etag'))
    const { tags } = await exiftool(Buffer.from(await again.arrayBuffer()), 'jpg')
    expect(list(tags['XMP-dc:Subject'])).toEqual(['canal', 'bicycle'])
    expect(list(tags['IPTC:Keywords'])).toEqual(['canal', 'bicycle'])
    // Dutch readers keep the Dutch list.
    expect(list((await exiftool(await media(photoId, 'medium.jpeg', 'nl'), 'jpg')).tags['IPTC:Keywords'])).toEqual(['gracht', 'fiets'])
  }, 120_000)

  it('add nothing private: a photo full of private metadata, served in English with its keywords, carries none of it', async () => {
    const { res, body } = await upload(t, s.photographer.token, fx['meta-everything.jpg']!, {
      captionNl: 'Een kade in de avond',
      captionEn: 'A quay in the evening',
      altNl: 'Lichten op het water',
      altEn: 'Lights on the water',
      tags: 'kade, avond',
      tagsEn: 'quay, evening',
    })
    expect(res.status, JSON.stringify(body)).toBe(201)
    const id = body.id as string
    expect((await request(t, 'PATCH', `/v1/photos/${id}`, s.photographer.token, { noPeople: true })).status).toBe(200)
    expect((await request(t, 'POST', `/v1/photos/${id}/submit`, s.photographer.token)).status).toBe(200)
    expect((await request(t, 'POST', `/v1/photos/${id}/publish`, s.curator.token)).status).toBe(200)
    const served: [string, Buffer, string][] = [
      ['thumb.jpeg', await media(id, 'thumb.jpeg', 'en'), 'jpg'],
      ['small.webp', await media(id, 'small.webp', 'en'), 'webp'],
      ['download', await downloaded(id, 'en'), 'jpg'],
    ]
    for (const [what, bytes, ext] of served) {
      const { tags, text } = await exiftool(bytes, ext)
      expect(list(tags['XMP-dc:Subject']), what).toEqual(['quay', 'evening'])
      for (const secret of PRIVATE_STRINGS) {
        expect(bytes.includes(secret), `${what}: bytes contain "${secret}"`).toBe(false)
        expect(text.includes(secret), `${what}: exiftool shows "${secret}"`).toBe(false)
      }
      expect(
        Object.keys(tags).filter((k) =>
          /GPS|Serial|(^|:)Make$|(^|:)Model$|MakerNote|ThumbnailImage|History|DateTimeOriginal|CreateDate|Comment|OwnerName/.test(k),
        ),
        what,
      ).toEqual([])
    }
  }, 120_000)
})
