/**
 * Test data for search without the image pipeline: published photo rows (with derivative rows, a person and
 * their consent, or the "no people" declaration) written straight to the database, then indexed through
 * the real document builder and engine. 200 ingests would take minutes; this takes a second.
 */
import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { rowsOf, type Db } from '../../../api/src/db/client.ts'
import { consents, photoSubjects, subjects } from '../../../api/src/modules/consent/consent.table.ts'
import { derivatives, photos } from '../../../api/src/modules/photos/photos.table.ts'
import type { Use } from '../../../contract/vocabulary.ts'
import type { Runtime } from '../../../api/src/runtime.ts'
import type { SearchPhotoText } from '../../../fixtures/search/generate.ts'

export interface PhotoOptions {
  /** Default true. */
  publicPreview?: boolean
  uses?: Use[]
  /** A person with consent (default), or none with the "no people" declaration. */
  people?: boolean
  status?: 'published' | 'in_review'
}

const today = () => new Date().toISOString().slice(0, 10)
const inYears = (n: number) => `${new Date().getUTCFullYear() + n}${new Date().toISOString().slice(4, 10)}`

/** Inserts the photos; returns key → id. Options per key through `opts(key)`. */
export async function insertPhotos(
  db: Db,
  ownerId: string,
  texts: SearchPhotoText[],
  opts: (t: SearchPhotoText, i: number) => PhotoOptions = () => ({}),
): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const now = Date.now()
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!
    const o = opts(t, i)
    const status = o.status ?? 'published'
    const [row] = await db
      .insert(photos)
      .values({
        ownerId,
        status,
        contentMac: `mac-${t.key}-${i}-${now}`,
        originalKey: `orig/${t.key}`,
        originalWrappedKey: 'x',
        originalFormat: 'jpeg',
        originalBytes: 1000,
        width: t.width,
        height: t.height,
        captionNl: t.captionNl,
        captionEn: t.captionEn,
        altNl: t.altNl,
        altEn: t.altEn,
        tags: t.tags,
        series: t.series,
        credit: t.credit,
        mediaKey: `media-${t.key}-${i}-${now}`,
        derivativesState: 'ready',
        thumbhash: 'AAAA',
        dominantColour: t.dominantColour,
        noPeopleDeclaredAt: o.people === false ? new Date() : null,
        publishedAt: status === 'published' ? new Date(now - t.ageDays * 86_400_000 - i * 1000) : null,
      })
      .returning({ id: photos.id })
    const id = row!.id
    ids.set(t.key, id)
    await db.insert(derivatives).values(
      (['thumb', 'small', 'medium', 'large'] as const).map((preset, k) => ({
        photoId: id,
        preset,
        format: 'jpeg',
        width: 320 * 2 ** k,
        height: 200 * 2 ** k,
        bytes: 100,
        blobKey: `d/${id}/${preset}`,
        etag: `e${k}`,
      })),
    )
    if (o.people !== false) {
      const [s] = await db
        .insert(subjects)
        .values({ pseudonym: `p-${t.key}-${i}-${now}`, createdBy: ownerId })
        .returning({ id: subjects.id })
      await db.insert(photoSubjects).values({ photoId: id, subjectId: s!.id })
      await db.insert(consents).values({
        photoId: id,
        subjectId: s!.id,
        version: 1,
        state: 'active',
        uses: o.uses ?? ['editorial', 'education', 'exhibition', 'social'],
        excludedTopics: [],
        identifiable: false,
        identifiabilityAgreed: false,
        publicPreview: o.publicPreview ?? true,
        validFrom: today(),
        validUntil: inYears(3),
        actorKind: 'user',
        actorId: ownerId,
      })
    }
  }
  return ids
}

/** Indexes the photos through the real document builder and the runtime's engine (what the sync job does). */
export async function indexPhotos(rt: Runtime, ids: string[]): Promise<number> {
  const docs = [...(await rt.searchDocuments.build(ids)).values()].filter((d) => d !== null)
  await rt.searchEngine.upsert(docs)
  return docs.length
}

export async function jobs(db: Db, kind: string, photoId?: string): Promise<{ id: number; status: string; payload: { photoId: string } }[]> {
  return rowsOf(
    await db.execute(sql`select id, status, payload from jobs where kind = ${kind} ${photoId ? sql`and payload->>'photoId' = ${photoId}` : sql``} order by id`),
  )
}

/** Waits until no search job is pending or running (the worker polls every 50 ms in tests). */
export async function searchJobsDone(rt: Runtime, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const [r] = rowsOf<{ n: number }>(
      await rt.database.db.execute(sql`select count(*)::int as n from jobs where kind like 'search.%' and status in ('pending', 'running')`),
    )
    if (r!.n === 0) return
    if (Date.now() > until) expect.fail('search jobs did not finish')
    rt.worker.nudge()
    await new Promise((r) => setTimeout(r, 50))
  }
}

export async function indexed(db: Db, photoId: string): Promise<Record<string, unknown> | undefined> {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`select photo_id, caption_nl, public_preview, uses, collections from search_documents where photo_id = ${photoId}`),
  )[0]
}
