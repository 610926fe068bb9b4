/**
 * The index follows the database through the outbox: every change to what a photo's entry holds queues a
 * search.upsert in the same transaction, the worker rebuilds the entry from the database, and a rebuild of a
 * photo the gate no longer shows removes it. Reindex rebuilds everything, from the API and from the CLI.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, rowsOf, type Database } from '../../../api/src/db/client.ts'
import type { Principal } from '../../../api/src/modules/auth/index.ts'
import { collectionItems, collections } from '../../../api/src/modules/collections/collections.table.ts'
import { consents } from '../../../api/src/modules/consent/consent.table.ts'
import { photos } from '../../../api/src/modules/photos/photos.table.ts'
import { enqueueSearchSync, PostgresSearchEngine } from '../../../api/src/modules/search/index.ts'
import { ANCHORS, generateSearchPhotos } from '../../../fixtures/search/generate.ts'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { createTestDatabase, engine } from '../../support/db.ts'
import { cli } from '../../support/process.ts'
import { indexed, indexPhotos, insertPhotos, jobs, searchJobsDone } from './search-support.ts'

let t: TestApp
let owner: Awaited<ReturnType<TestApp['user']>>
let curator: Awaited<ReturnType<TestApp['user']>>
let as: (u: { id: string }, role: Principal['role']) => Principal

beforeAll(async () => {
  t = await startTestApp()
  owner = await t.user('photographer')
  curator = await t.user('curator')
  as = (u, role) => ({ userId: u.id, role, displayName: role, sessionId: 's', via: 'bearer', organisationId: null })
})
afterAll(() => t?.close())

const ids = (r: { body: Record<string, any> }) => r.body.hits.map((h: { id: string }) => h.id) as string[]
const anchor = (key: string, suffix: string) => ({ ...ANCHORS.find((a) => a.key === key)!, key: `${key}-${suffix}` })

describe('search.upsert is queued with the change that needs it', () => {
  it('publication: queued in the publishing transaction, and the photo is found once the worker ran', async () => {
    const db = t.rt.database.db
    const id = (await insertPhotos(db, owner.id, [anchor('bakfiets', 'pub')], () => ({ status: 'in_review' }))).get('bakfiets-pub')!
    expect(await jobs(db, 'search.upsert', id)).toHaveLength(0)
    await t.rt.publication.publish(id, as(curator, 'curator'))
    expect(await jobs(db, 'search.upsert', id)).toHaveLength(1)
    await searchJobsDone(t.rt)
    expect(await indexed(db, id)).toBeDefined()
    expect(ids(await request(t, 'GET', '/v1/search?q=bakfiets', null))).toContain(id)
  })

  it("a PATCH of a published photo's texts: the new words find it, the old ones no longer do", async () => {
    const db = t.rt.database.db
    const id = (await insertPhotos(db, owner.id, [anchor('accordeon', 'patch')])).get('accordeon-patch')!
    await indexPhotos(t.rt, [id])
    const r = await request(t, 'PATCH', `/v1/photos/${id}`, curator.token, {
      captionNl: 'Een sekswerker speelt trombone op de verjaardag.',
      captionEn: 'A sex worker plays the trombone at a birthday party.',
      altNl: 'Handen op een trombone.',
      altEn: 'Hands on a trombone.',
    })
    expect(r.status).toBe(200)
    expect(await jobs(db, 'search.upsert', id)).toHaveLength(1)
    await searchJobsDone(t.rt)
    expect(ids(await request(t, 'GET', '/v1/search?q=trombone', null))).toEqual([id])
    expect(ids(await request(t, 'GET', '/v1/search?q=accordeon', null))).not.toContain(id)
  })

  it('a PATCH of a draft queues nothing (drafts are not searchable)', async () => {
    const db = t.rt.database.db
    const id = (await insertPhotos(db, owner.id, [anchor('cafe', 'draft')], () => ({ status: 'in_review' }))).get('cafe-draft')!
    expect((await request(t, 'PATCH', `/v1/photos/${id}`, curator.token, { captionNl: 'Iets anders' })).status).toBe(200)
    expect(await jobs(db, 'search.upsert', id)).toHaveLength(0)
  })

  it('a consent change: the new uses and public preview reach the index', async () => {
    const db = t.rt.database.db
    const id = (await insertPhotos(db, owner.id, [anchor('naaimachine', 'consent')])).get('naaimachine-consent')!
    await indexPhotos(t.rt, [id])
    expect((await indexed(db, id))?.public_preview).toBe(true)
    const [c] = await db.select().from(consents).where(eq(consents.photoId, id))
    await t.rt.consent.changeConsent(
      id,
      c!.subjectId,
      { identifiable: false, identifiabilityAgreed: false, publicPreview: false, uses: ['editorial'] },
      as(owner, 'photographer'),
    )
    expect(await jobs(db, 'search.upsert', id)).toHaveLength(1)
    await searchJobsDone(t.rt)
    expect(await indexed(db, id)).toMatchObject({ public_preview: false, uses: ['editorial'] })
    expect(ids(await request(t, 'GET', '/v1/search?q=naaimachine', null))).not.toContain(id)
  })

  it('a renewal queues a rebuild too', async () => {
    const db = t.rt.database.db
    const id = (await insertPhotos(db, owner.id, [anchor('zonnebloemen', 'renew')])).get('zonnebloemen-renew')!
    const [c] = await db.select().from(consents).where(eq(consents.photoId, id))
    const later = `${new Date().getUTCFullYear() + 5}-01-01`
    await t.rt.consent.renew(id, c!.subjectId, later)
    expect(await jobs(db, 'search.upsert', id)).toHaveLength(1)
    await searchJobsDone(t.rt)
    expect(await indexed(db, id)).toBeDefined()
  })

  it('collection membership: a published collection calls enqueueSearchSync in its own transaction, and the filter finds it', async () => {
    const db = t.rt.database.db
    const id = (await insertPhotos(db, owner.id, [anchor('coöperatie', 'coll')])).get('coöperatie-coll')!
    await indexPhotos(t.rt, [id])
    const collectionId = await db.transaction(async (tx) => {
      const [c] = await tx.insert(collections).values({ titleNl: 'Samen', createdBy: curator.id, publishedAt: new Date() }).returning({ id: collections.id })
      await tx.insert(collectionItems).values({ collectionId: c!.id, photoId: id, position: 1 })
      await enqueueSearchSync(tx, t.rt.queue, id)
      return c!.id
    })
    t.rt.worker.nudge()
    await searchJobsDone(t.rt)
    expect((await indexed(db, id))?.collections).toEqual([collectionId])
    const r = await request(t, 'GET', `/v1/search?collection=${collectionId}`, null)
    expect(ids(r)).toEqual([id])
    expect(r.body.facets.collection).toEqual({ [collectionId]: 1 })
  })

  it('a rolled-back change queues nothing', async () => {
    const db = t.rt.database.db
    const id = (await insertPhotos(db, owner.id, [anchor('cafe', 'rollback')])).get('cafe-rollback')!
    await expect(
      db.transaction(async (tx) => {
        await enqueueSearchSync(tx, t.rt.queue, id)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await jobs(db, 'search.upsert', id)).toHaveLength(0)
  })
})

describe('the sync job', () => {
  it('removes the entry when the rebuild finds the photo no longer shown, and is idempotent', async () => {
    const db = t.rt.database.db
    const id = (await insertPhotos(db, owner.id, [anchor('cafe', 'job')])).get('cafe-job')!
    await indexPhotos(t.rt, [id])
    await db.update(photos).set({ status: 'withdrawn' }).where(eq(photos.id, id))
    await db.transaction(async (tx) => {
      await enqueueSearchSync(tx, t.rt.queue, id)
      await enqueueSearchSync(tx, t.rt.queue, id)
    })
    t.rt.worker.nudge()
    await searchJobsDone(t.rt)
    expect(await indexed(db, id)).toBeUndefined()
    const done = await jobs(db, 'search.upsert', id)
    expect(done.map((j) => j.status)).toEqual(['done', 'done'])
  })

  it('a job without a photo id fails for good instead of retrying', async () => {
    const db = t.rt.database.db
    await db.transaction((tx) => t.rt.queue.enqueue(tx, 'search.upsert', { photoId: 'not-a-uuid' }))
    t.rt.worker.nudge()
    await searchJobsDone(t.rt)
    const [j] = rowsOf<{ status: string }>(await db.execute(sql`select status from jobs where kind = 'search.upsert' and payload->>'photoId' = 'not-a-uuid'`))
    expect(j?.status).toBe('dead')
  })
})

describe('reindex', () => {
  it('rebuilds from the database: stale entries go, missing ones come, searching works throughout', async () => {
    const db = t.rt.database.db
    const fresh = await insertPhotos(
      db,
      owner.id,
      generateSearchPhotos(5, 99).map((p) => ({ ...p, key: `re-${p.key}` })),
    )
    const stale = (await insertPhotos(db, owner.id, [anchor('bakfiets', 'stale')])).get('bakfiets-stale')!
    await indexPhotos(t.rt, [stale])
    await db.update(photos).set({ status: 'withdrawn' }).where(eq(photos.id, stale))
    const shown = [
      ...(
        await t.rt.searchDocuments.build(rowsOf<{ id: string }>(await db.execute(sql`select id from photos where status = 'published'`)).map((r) => r.id))
      ).values(),
    ].filter(Boolean).length
    const { count } = await t.rt.searchEngine.reindex(t.rt.searchDocuments.all(2))
    expect(count).toBe(shown)
    expect(await indexed(db, stale)).toBeUndefined()
    for (const id of fresh.values()) expect(await indexed(db, id)).toBeDefined()
    const [n] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from search_documents`))
    expect(n!.n).toBe(shown)
  })
})

describe(`npm run cli -- search reindex (${engine()})`, () => {
  let dataDir: string
  let env: Record<string, string>
  let server: (Database & { url?: string }) | undefined

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-search-cli-'))
    env = { DATA_DIR: dataDir, SEED_DEMO: '0' }
    if (engine() === 'postgres') {
      server = await createTestDatabase()
      env = { ...env, DATABASE_URL: server.url!, MASTER_KEY: crypto.randomBytes(32).toString('base64') }
    }
    expect(cli(['migrate'], env).code).toBe(0)
  })
  afterAll(async () => {
    await server?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('indexes every shown photo and prints the count last', async () => {
    const d = server ?? (await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pg') }))
    try {
      const [u] = rowsOf<{ id: string }>(
        await d.db.execute(sql`insert into users (email, password_hash, role, display_name) values ('p@x.example', 'x', 'photographer', 'P') returning id`),
      )
      await insertPhotos(d.db, u!.id, [...ANCHORS, ...generateSearchPhotos(3)])
      await insertPhotos(d.db, u!.id, [anchor('cafe', 'cli-draft')], () => ({ status: 'in_review' }))
    } finally {
      if (!server) await d.close()
    }
    const r = cli(['search', 'reindex'], env)
    expect(r.code, r.stderr).toBe(0)
    expect(r.last).toBe(String(ANCHORS.length + 3))
    const check = server ?? (await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pg') }))
    try {
      const r2 = await new PostgresSearchEngine(check.db).search({ q: 'bakfiets', filters: {}, sort: 'relevance', limit: 5 })
      expect(r2.total).toBe(1)
    } finally {
      if (!server) await check.close()
    }
  })

  it('refuses an unknown search command with the usage (exit 64)', () => {
    expect(cli(['search', 'rebuild'], env).code).toBe(64)
  })
})

describe('an empty index at start', () => {
  it('queues every published photo once, when a database from before search is opened (and nothing when the index has entries)', async () => {
    const t2 = await startTestApp()
    try {
      const db = t2.rt.database.db
      const photographer = await t2.user('photographer')
      // Published straight in the database, as a deployment from before the search module has them.
      const made = await insertPhotos(db, photographer.id, [anchor('bakfiets', 'old'), anchor('accordeon', 'old')])
      const draft = (await insertPhotos(db, photographer.id, [anchor('cafe', 'old-draft')], () => ({ status: 'in_review' }))).get('cafe-old-draft')!
      expect(await jobs(db, 'search.upsert')).toHaveLength(0)
      const { startRuntime } = await import('../../../api/src/runtime.ts')
      const again = await startRuntime(t2.rt.config, { database: t2.rt.database, keepDatabase: true, startWorker: false })
      try {
        const queued = (await jobs(db, 'search.upsert')).map((j) => j.payload.photoId).sort()
        expect(queued).toEqual([...made.values()].sort())
        expect(queued).not.toContain(draft)
        // Once there is an index, a restart queues nothing more.
        await indexPhotos(again, [...made.values()])
      } finally {
        await again.close()
      }
      const third = await startRuntime(t2.rt.config, { database: t2.rt.database, keepDatabase: true, startWorker: false })
      await third.close()
      expect(await jobs(db, 'search.upsert')).toHaveLength(2)
    } finally {
      await t2.close()
    }
  })
})
