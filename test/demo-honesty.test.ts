import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The demo must keep the bank's own promise: no real, identifiable person in any demo photo. Every entry
// of the seed's manifest names its source; sources known to show a real person are refused by name and
// by content (a renamed copy of the same bytes is caught too).
const PHOTOS = path.resolve(import.meta.dirname, '../fixtures/photos')

interface Entry {
  file: string
  source: string
  author: string
  licence: string
  captionNl: string
  captionEn: string
  people?: string[]
}

/** Sources that picture a real, identifiable person. */
const DENY_SOURCES: RegExp[] = [
  /skimage\/data\/astronaut\.png/i, // NASA portrait of astronaut Eileen Collins
  /skimage\/data\/camera\.png/i, // "cameraman": a real person
  /\blena\b|\blenna\b/i,
  /\blfw\b|labeled faces in the wild|olivetti_faces|celeba/i,
]
const DENY_FILES = [/astronaut/i, /^camera\.png$/i, /\bface/i, /portrait/i]
/** sha256 of fixtures/photos/astronaut.png as it was committed before its removal. */
const DENY_SHA256 = new Set(['6559ac5ebd5583085d29d639cb1e09a15a7377e9c5fe77db92c355cf1e23fe25'])

const manifest = JSON.parse(fs.readFileSync(path.join(PHOTOS, 'manifest.json'), 'utf8')) as Entry[]

describe('the demo photos', () => {
  it('name a source, an author and a licence for every photo, and every file exists', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(10)
    for (const e of manifest) {
      expect(e.source, e.file).toMatch(/\S{10,}/)
      expect(e.author, e.file).toBeTruthy()
      expect(e.licence, e.file).toBeTruthy()
      expect(fs.existsSync(path.join(PHOTOS, e.file)), e.file).toBe(true)
    }
  })

  it('include no photo from a source that shows an identifiable real person (by source, name and content)', () => {
    for (const e of manifest) {
      for (const d of DENY_SOURCES) expect(e.source, `${e.file}: ${e.source}`).not.toMatch(d)
      for (const d of DENY_FILES) expect(e.file).not.toMatch(d)
      const sha = crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(PHOTOS, e.file)))
        .digest('hex')
      expect(DENY_SHA256.has(sha), `${e.file} has the bytes of a denied source`).toBe(false)
    }
    // Nor is such a file lying around to be picked up again.
    for (const f of fs.readdirSync(PHOTOS)) {
      for (const d of DENY_FILES) expect(f).not.toMatch(d)
      const sha = crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(PHOTOS, f)))
        .digest('hex')
      expect(DENY_SHA256.has(sha), f).toBe(false)
    }
  })

  it('picture the demo person only in an illustration made for the demo, seen from behind', () => {
    const withPeople = manifest.filter((e) => e.people?.length)
    expect(withPeople.map((e) => e.file)).toEqual(['illustration-window-silhouette.jpg'])
    expect(withPeople[0]!.source).toMatch(/^Illustration made for this demo: fixtures\/illustrations\/window-silhouette\.svg/)
    expect(withPeople[0]!.captionNl).toMatch(/van achteren.*niet herkenbaar/)
    expect(fs.existsSync(path.resolve(PHOTOS, '../illustrations/window-silhouette.svg'))).toBe(true)
  })

  it('give every photo keywords in Dutch and in English, each list valid as the API would take it', () => {
    for (const e of manifest as unknown as { file: string; tags: string[]; tagsEn: string[] }[]) {
      for (const list of [e.tags, e.tagsEn]) {
        expect(list.length, e.file).toBeGreaterThanOrEqual(3)
        expect(list.length, e.file).toBeLessThanOrEqual(40)
        expect(new Set(list).size, e.file).toBe(list.length)
        for (const k of list) expect(k, e.file).toMatch(/^[^\s\p{Cc}A-Z](?:[^\p{Cc}A-Z]{0,58}[^\s\p{Cc}A-Z])?$/u)
      }
      expect(e.tagsEn, e.file).not.toEqual(e.tags)
    }
  })

  it('mark invented context as demo context in both languages', () => {
    for (const e of manifest) {
      if (/sekswerk/i.test(e.captionNl)) expect(e.captionNl, e.file).toMatch(/Demo-context \(fictief\)/)
      if (/sex work/i.test(e.captionEn)) expect(e.captionEn, e.file).toMatch(/Demo context \(fictional\)/)
    }
  })
})
