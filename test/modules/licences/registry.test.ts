import fs from 'node:fs'
import path from 'node:path'
import Value from 'typebox/value'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_EXCLUDED_TOPICS, USES } from '../../../contract/vocabulary.ts'
import {
  LICENCE_FILES,
  LICENCES_DIR,
  LicenceLoadError,
  LicenceSchema,
  licenceSchemaJson,
  loadLicences,
  type LicenceRegistry,
} from '../../../api/src/modules/licences/index.ts'
import { copyLicences, type LicenceDir } from './licence-dirs.ts'

const EXPECTED = {
  'rsw-editorial': ['editorial', 'social'],
  'rsw-exhibition': ['exhibition'],
  'rsw-education': ['education'],
} as const

let copy: LicenceDir | undefined
afterEach(() => {
  copy?.cleanup()
  copy = undefined
})

/** The LicenceLoadError a load throws (fails the test if it loads). */
function loadError(dir: string): LicenceLoadError {
  try {
    loadLicences(dir)
  } catch (err) {
    if (err instanceof LicenceLoadError) return err
    throw err
  }
  throw new Error('expected the licences to be refused, but they loaded')
}

describe('the licences in licences/', () => {
  const registry: LicenceRegistry = loadLicences()

  it('are our three published 1.0 versions and the four open licences of the demo photos, each with licence.json, text.nl.md and text.en.md', () => {
    expect(registry.list().map((l) => `${l.id}@${l.version}:${l.status}`)).toEqual([
      'cc-by@4.0:published',
      'cc-by-sa@3.0:published',
      'cc-by-sa@4.0:published',
      'cc0@1.0:published',
      'rsw-editorial@1.0:published',
      'rsw-education@1.0:published',
      'rsw-exhibition@1.0:published',
    ])
    for (const l of registry.list()) {
      expect(fs.readdirSync(path.join(LICENCES_DIR, l.id, l.version)).sort()).toEqual([...LICENCE_FILES].sort())
    }
  })

  it('every licence.json validates against the schema, as written on disk', () => {
    for (const l of registry.list()) {
      const raw = JSON.parse(fs.readFileSync(path.join(LICENCES_DIR, l.id, l.version, 'licence.json'), 'utf8'))
      expect([...Value.Errors(LicenceSchema, raw)], `${l.id} ${l.version}`).toEqual([])
      expect(raw.$schema).toBe('../../licence.schema.json')
    }
  })

  it('licence.schema.json is generated from the TypeBox schema (one source of truth)', () => {
    expect(fs.readFileSync(path.join(LICENCES_DIR, 'licence.schema.json'), 'utf8')).toBe(licenceSchemaJson())
  })

  it('grant the uses of the consent vocabulary the brief gives them, and exclude the default topics', () => {
    for (const [id, uses] of Object.entries(EXPECTED)) {
      const l = registry.current(id)!
      expect(l.permittedUses).toEqual(uses)
      for (const u of l.permittedUses) expect(USES).toContain(u)
      expect(l.prohibitedContexts.topics).toEqual(DEFAULT_EXCLUDED_TOPICS)
      expect(l.prohibitedContexts.text.en).toBe('The photo may not be used to depict or imply trafficking, coercion, crime, illness or victimhood.')
      expect(l.requirements).toEqual({
        creditLine: true,
        captionNote: { nl: 'De persoon op de foto is niet betrokken bij dit verhaal.', en: 'The person pictured is not involved in this story.' },
        alterations: 'crop-and-resize-only',
      })
      expect(l.deedUrl).toBe(`https://eerlijkbeeld.nl/licenties/${id}/1.0`)
    }
  })

  it('are marked as drafts for review, in the JSON and at the top of both texts (ours; an open licence is what it is)', () => {
    for (const l of registry.list().filter((l) => l.kind !== 'open')) {
      expect(l.review).toBe('draft: to be reviewed by a lawyer and the project')
      for (const lang of ['nl', 'en'] as const) {
        expect(l.text[lang].split('\n')[0], `${l.id} text.${lang}.md`).toBe('> **CONCEPT — ter beoordeling / DRAFT — for review**')
        // Each text quotes the caption note in its own language (Markdown may wrap it across lines).
        expect(l.text[lang].replace(/\s+/g, ' ')).toContain(l.requirements.captionNote[lang])
        expect(l.text[lang]).toContain(l.deedUrl)
      }
    }
  })

  it('are frozen values: nothing a caller does can change what was validated', () => {
    const l = registry.get('rsw-editorial', '1.0')!
    expect(Object.isFrozen(l)).toBe(true)
    expect(Object.isFrozen(l.permittedUses)).toBe(true)
    expect(Object.isFrozen(l.requirements.captionNote)).toBe(true)
    const mutable = l as unknown as { permittedUses: string[]; title: { nl: string } }
    expect(() => mutable.permittedUses.push('advertising')).toThrow(TypeError)
    expect(() => (mutable.title.nl = 'x')).toThrow(TypeError)
    expect(registry.get('rsw-editorial', '1.0')!.permittedUses).toEqual(['editorial', 'social'])
    expect(Object.isFrozen(registry.list())).toBe(true)
  })

  it('answers get() for an exact version only, and undefined for anything else', () => {
    expect(registry.get('rsw-editorial', '1.0')?.id).toBe('rsw-editorial')
    expect(registry.get('rsw-editorial', '1')).toBeUndefined()
    expect(registry.get('rsw-editorial', '2.0')).toBeUndefined()
    expect(registry.get('cc-by', '3.0')).toBeUndefined()
    expect(registry.current('cc-by-nc')).toBeUndefined()
  })
})

describe('current()', () => {
  it('is the newest published version, by number (1.10 after 1.9), never a draft', () => {
    copy = copyLicences()
    copy.addVersion('rsw-editorial', '1.0', '1.9')
    copy.addVersion('rsw-editorial', '1.0', '1.10')
    copy.addVersion('rsw-editorial', '1.0', '2.0', 'draft')
    const registry = loadLicences(copy.dir)
    expect(
      registry
        .list()
        .filter((l) => l.id === 'rsw-editorial')
        .map((l) => l.version),
    ).toEqual(['1.0', '1.9', '1.10', '2.0'])
    expect(registry.current('rsw-editorial')?.version).toBe('1.10')
    expect(registry.published().map((l) => `${l.id}@${l.version}`)).not.toContain('rsw-editorial@2.0')
    expect(registry.get('rsw-editorial', '2.0')?.status).toBe('draft')
    expect(registry.current('rsw-exhibition')?.version).toBe('1.0')
  })
})

describe('loading refuses a broken licence and names the file', () => {
  const json = 'rsw-editorial/1.0/licence.json'

  it.each<[string, (c: LicenceDir) => void, string, RegExp]>([
    ['invalid JSON', (c) => c.edit(json, (t) => t.replace('"id":', '"id"')), json, /not valid JSON/],
    ['a use outside the vocabulary', (c) => c.editJson(json, (d) => d.permittedUses.push('marketing')), json, /\/permittedUses\/2/],
    ['an unknown field', (c) => c.editJson(json, (d) => (d.exclusive = true)), json, /must not have additional properties \(exclusive\)/],
    ['a missing field', (c) => c.editJson(json, (d) => delete d.usageTerms), json, /usageTerms/],
    ['a missing language', (c) => c.editJson(json, (d) => delete d.summary.en), json, /\/summary/],
    ['an empty title', (c) => c.editJson(json, (d) => (d.title.nl = '   ')), json, /\/title\/nl/],
    ['a deed URL over http', (c) => c.editJson(json, (d) => (d.deedUrl = 'http://eerlijkbeeld.nl/licenties/rsw-editorial/1.0')), json, /\/deedUrl/],
    [
      'a deed URL of another version',
      (c) => c.editJson(json, (d) => (d.deedUrl = 'https://eerlijkbeeld.nl/licenties/rsw-editorial/2.0')),
      json,
      /deedUrl must point at this version/,
    ],
    [
      'an id that is not its directory',
      (c) => c.editJson(json, (d) => (d.id = 'rsw-editorial-two')),
      json,
      /id "rsw-editorial-two" does not match its directory "rsw-editorial"/,
    ],
    ['a version that is not its directory', (c) => c.editJson(json, (d) => (d.version = '1.1')), json, /version "1.1" does not match/],
    ['a status outside draft/published', (c) => c.editJson(json, (d) => (d.status = 'final')), json, /\/status/],
    ['advertising granted by default', (c) => c.editJson(json, (d) => d.permittedUses.push('advertising')), json, /permittedUses has advertising/],
    [
      'an unknown placeholder',
      (c) => c.editJson(json, (d) => (d.attribution.en = 'Photo: {author} ({licence})')),
      json,
      /\/attribution\/en: unknown placeholder \{author\}/,
    ],
    [
      'an attribution without the photographer',
      (c) => c.editJson(json, (d) => (d.attribution.nl = 'Foto via Eerlijk Beeld ({licence})')),
      json,
      /must contain \{photographer\}/,
    ],
    [
      'a title outside an optional part',
      (c) => c.editJson(json, (d) => (d.attribution.nl = '{title}: Foto {photographer} ({licence})')),
      json,
      /\{title\} must be inside an optional part/,
    ],
    ['an unclosed optional part', (c) => c.editJson(json, (d) => (d.attribution.en = '[{title} Photo: {photographer} ({licence})')), json, /"\[" without "\]"/],
    [
      'a credit template with another placeholder',
      (c) => c.editJson(json, (d) => (d.creditTemplate = '{photographer} ({licence})')),
      json,
      /\/creditTemplate: unknown placeholder \{licence\}/,
    ],
    ['a missing text', (c) => fs.rmSync(c.file('rsw-editorial/1.0/text.en.md')), 'rsw-editorial/1.0/text.en.md', /missing/],
    ['an empty text', (c) => c.write('rsw-editorial/1.0/text.nl.md', '\n\n'), 'rsw-editorial/1.0/text.nl.md', /empty/],
    ['an unexpected file beside a version', (c) => c.write('rsw-editorial/1.0/text.de.md', '# Lizenz'), 'rsw-editorial/1.0/text.de.md', /unexpected file/],
    ['a file where versions belong', (c) => c.write('rsw-editorial/notes.txt', 'x'), 'rsw-editorial/notes.txt', /unexpected file/],
  ])('%s', (_name, breakIt, rel, message) => {
    copy = copyLicences()
    breakIt(copy)
    const err = loadError(copy.dir)
    expect(err.files).toEqual([copy.file(rel)])
    expect(err.message).toContain(copy.file(rel))
    expect(err.problems.map((p) => p.message).join('\n')).toMatch(message)
  })

  it('names every broken file at once, not just the first', () => {
    copy = copyLicences()
    copy.editJson('rsw-exhibition/1.0/licence.json', (d) => (d.permittedUses = []))
    fs.rmSync(copy.file('rsw-education/1.0/text.nl.md'))
    const err = loadError(copy.dir)
    expect(err.files.sort()).toEqual([copy.file('rsw-education/1.0/text.nl.md'), copy.file('rsw-exhibition/1.0/licence.json')].sort())
  })

  it('refuses a directory with no licences, or none at all', () => {
    copy = copyLicences()
    for (const id of fs
      .readdirSync(copy.dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name))
      fs.rmSync(copy.file(id), { recursive: true })
    expect(loadError(copy.dir).message).toMatch(/no licences found/)
    expect(loadError(copy.file('nowhere')).files).toEqual([copy.file('nowhere')])
  })
})

describe('content hashes', () => {
  const hashOf = (c: LicenceDir) => loadLicences(c.dir).get('rsw-editorial', '1.0')!

  it('ignore what carries no meaning: key order, JSON layout, CRLF, a byte-order mark, Unicode normalisation', () => {
    copy = copyLicences()
    const before = hashOf(copy)
    const doc = JSON.parse(copy.read('rsw-editorial/1.0/licence.json'))
    copy.write('rsw-editorial/1.0/licence.json', JSON.stringify(Object.fromEntries(Object.entries(doc).reverse())))
    copy.edit('rsw-editorial/1.0/text.nl.md', (t) => `\uFEFF${t.replace(/\n/g, '\r\n').normalize('NFD')}\n\n`)
    const after = hashOf(copy)
    expect(after.sha256).toBe(before.sha256)
    expect(after.files).toEqual(before.files)
  })

  it('change with any word, in each file separately', () => {
    copy = copyLicences()
    const before = hashOf(copy)
    copy.edit('rsw-editorial/1.0/text.en.md', (t) => t.replace('within 48 hours', 'within 14 days'))
    const after = hashOf(copy)
    expect(after.sha256).not.toBe(before.sha256)
    expect(after.files['text.en.md']).not.toBe(before.files['text.en.md'])
    expect(after.files['text.nl.md']).toBe(before.files['text.nl.md'])
    expect(after.files['licence.json']).toBe(before.files['licence.json'])
  })
})
