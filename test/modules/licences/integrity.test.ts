import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/src/config.ts'
import type { Database } from '../../../api/src/db/client.ts'
import {
  LicenceIntegrityError,
  LicenceLoadError,
  loadLicences,
  verifyPublishedLicences,
  type LicenceRegistry,
} from '../../../api/src/modules/licences/index.ts'
import { licenceVersions } from '../../../api/src/modules/licences/licences.table.ts'
import { startRuntime } from '../../../api/src/runtime.ts'
import { createTestDatabase } from '../../support/db.ts'
import { copyLicences, type LicenceDir } from './licence-dirs.ts'

let database: Database
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database?.close()
})

let copy: LicenceDir
afterEach(async () => {
  // Each test starts from an empty table and a fresh copy of licences/.
  await database.db.delete(licenceVersions)
  copy?.cleanup()
})

const rows = async () =>
  (await database.db.select().from(licenceVersions))
    .map((r) => ({ key: `${r.id}@${r.version}`, sha256: r.sha256, fileHashes: r.fileHashes, firstSeenAt: r.firstSeenAt }))
    .sort((a, b) => a.key.localeCompare(b.key))
const keys = (list: { id: string; version: string }[]) => list.map((l) => `${l.id}@${l.version}`).sort()
const verify = (registry: LicenceRegistry = loadLicences(copy.dir)) => verifyPublishedLicences(database.db, registry)

async function refusal(promise: Promise<unknown>): Promise<LicenceIntegrityError> {
  try {
    await promise
  } catch (err) {
    if (err instanceof LicenceIntegrityError) return err
    throw err
  }
  throw new Error('expected a LicenceIntegrityError, but it passed')
}

describe('verifyPublishedLicences', () => {
  it('records each published version once, with its hashes, and nothing on the next start', async () => {
    copy = copyLicences()
    const registry = loadLicences(copy.dir)
    expect(keys(await verify(registry))).toEqual(['rsw-editorial@1.0', 'rsw-education@1.0', 'rsw-exhibition@1.0'])
    const recorded = await rows()
    expect(recorded.map((r) => r.key)).toEqual(['rsw-editorial@1.0', 'rsw-education@1.0', 'rsw-exhibition@1.0'])
    for (const r of recorded) {
      const [id, version] = r.key.split('@') as [string, string]
      expect(r.sha256).toBe(registry.get(id, version)!.sha256)
      expect(r.fileHashes).toEqual(registry.get(id, version)!.files)
    }
    expect(await verify(loadLicences(copy.dir))).toEqual([])
    expect(await rows()).toEqual(recorded)
  })

  it('refuses a published version whose text changed after it was recorded, naming that file only', async () => {
    copy = copyLicences()
    await verify()
    const before = await rows()
    copy.edit('rsw-editorial/1.0/text.nl.md', (t) => t.replace('binnen 48 uur', 'binnen 14 dagen'))
    const err = await refusal(verify())
    expect(err.files).toEqual([copy.file('rsw-editorial/1.0/text.nl.md')])
    expect(err.changes).toEqual([{ id: 'rsw-editorial', version: '1.0', reason: 'changed', files: [copy.file('rsw-editorial/1.0/text.nl.md')] }])
    expect(err.message).toContain('rsw-editorial 1.0 was changed after it was published')
    expect(err.message).toContain(copy.file('rsw-editorial/1.0/text.nl.md'))
    expect(await rows()).toEqual(before)
  })

  it('names every changed file of every changed version', async () => {
    copy = copyLicences()
    await verify()
    copy.editJson('rsw-exhibition/1.0/licence.json', (d) => d.permittedUses.push('social'))
    copy.edit('rsw-exhibition/1.0/text.en.md', (t) => `${t}\nAnd posters.\n`)
    copy.edit('rsw-education/1.0/text.nl.md', (t) => t.replace('48 uur', '72 uur'))
    const err = await refusal(verify())
    expect(err.files.sort()).toEqual(
      [copy.file('rsw-exhibition/1.0/licence.json'), copy.file('rsw-exhibition/1.0/text.en.md'), copy.file('rsw-education/1.0/text.nl.md')].sort(),
    )
  })

  it('refuses a published version whose files are gone, or that was turned back into a draft', async () => {
    copy = copyLicences()
    await verify()
    fs.rmSync(copy.file('rsw-education'), { recursive: true })
    copy.editJson('rsw-exhibition/1.0/licence.json', (d) => (d.status = 'draft'))
    const err = await refusal(verify())
    expect(err.changes.map((c) => `${c.id}@${c.version}:${c.reason}`).sort()).toEqual(['rsw-education@1.0:missing', 'rsw-exhibition@1.0:changed'])
    expect(err.files).toContain(copy.file('rsw-education/1.0/licence.json'))
    expect(err.files).toContain(copy.file('rsw-exhibition/1.0/licence.json'))
  })

  it('does not count reformatting as a change: key order, CRLF line ends, a byte-order mark', async () => {
    copy = copyLicences()
    await verify()
    const doc = JSON.parse(copy.read('rsw-editorial/1.0/licence.json'))
    copy.write('rsw-editorial/1.0/licence.json', `${JSON.stringify(Object.fromEntries(Object.entries(doc).reverse()), null, 4)}\r\n`)
    copy.edit('rsw-editorial/1.0/text.en.md', (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`)
    expect(await verify()).toEqual([])
  })

  it('records a new version beside the published ones, and a draft only once it is published', async () => {
    copy = copyLicences()
    await verify()
    copy.addVersion('rsw-editorial', '1.0', '1.1')
    copy.addVersion('rsw-education', '1.0', '2.0', 'draft')
    expect(keys(await verify())).toEqual(['rsw-editorial@1.1'])
    // A draft may still change: it is not recorded, so editing it is no refusal.
    copy.edit('rsw-education/2.0/text.en.md', (t) => `${t}\nA new clause.\n`)
    expect(await verify()).toEqual([])
    copy.editJson('rsw-education/2.0/licence.json', (d) => (d.status = 'published'))
    expect(keys(await verify())).toEqual(['rsw-education@2.0'])
    expect((await rows()).map((r) => r.key)).toEqual(['rsw-editorial@1.0', 'rsw-editorial@1.1', 'rsw-education@1.0', 'rsw-education@2.0', 'rsw-exhibition@1.0'])
  })

  it('records each version exactly once when two replicas start at the same time', async () => {
    copy = copyLicences()
    const [a, b] = await Promise.all([verify(), verify()])
    expect([...keys(a), ...keys(b)].sort()).toEqual(['rsw-editorial@1.0', 'rsw-education@1.0', 'rsw-exhibition@1.0'])
    expect(await rows()).toHaveLength(3)
  })
})

describe('start-up', () => {
  const dataDirs: string[] = []
  afterAll(() => {
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true })
  })

  const start = () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-lic-rt-'))
    dataDirs.push(dataDir)
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: '0', LOG_LEVEL: 'silent', WORKER_ENABLED: '0' })
    return startRuntime(config, { database, keepDatabase: true, startWorker: false, licencesDir: copy.dir })
  }

  it('records the licences, exposes the registry, and refuses to start once a published text changed, naming the file', async () => {
    copy = copyLicences()
    const rt = await start()
    expect(rt.licences.current('rsw-editorial')?.version).toBe('1.0')
    expect(rt.licences.dir).toBe(copy.dir)
    await rt.close()
    expect(await rows()).toHaveLength(3)

    const original = copy.read('rsw-exhibition/1.0/text.en.md')
    copy.edit('rsw-exhibition/1.0/text.en.md', (t) => t.replace('within 7 days', 'within 30 days'))
    const err = await refusal(start())
    expect(err.message).toMatch(/^Refusing to start: a published licence version is immutable/)
    expect(err.message).toContain(copy.file('rsw-exhibition/1.0/text.en.md'))
    expect(err.files).toEqual([copy.file('rsw-exhibition/1.0/text.en.md')])

    // Putting the published words back is enough to start again.
    copy.write('rsw-exhibition/1.0/text.en.md', original)
    const again = await start()
    await again.close()
  })

  it('refuses to start with a licence file that does not validate, naming it', async () => {
    copy = copyLicences()
    copy.editJson('rsw-education/1.0/licence.json', (d) => (d.permittedUses = ['education', 'ai-training']))
    const err = await start().then(
      () => {
        throw new Error('started with a broken licence')
      },
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(LicenceLoadError)
    expect((err as LicenceLoadError).files).toEqual([copy.file('rsw-education/1.0/licence.json')])
    expect(await rows()).toEqual([])
  })
})
