/**
 * The gate's reads: its photo read model (a photo row with its derivatives, who is in it and their current
 * consent, in one round trip) and the change log behind gate.freshness.ts. Read-only joins over the photos
 * and consent modules' tables (a repository may read another module's table; it never writes one). They
 * live here, not in photos' repository, because the photos module asks the gate for every read: a call
 * back into photos would be an import cycle.
 */
import { getTableColumns, inArray, sql, type Table } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.ts'
import { consents as consentsTable } from '../consent/consent.table.ts'
import { derivatives, photos } from '../photos/photos.table.ts'
import type { CurrentConsent } from './gate.consent.ts'
import type { PhotoRecord } from './gate.records.ts'

type PhotoRow = typeof photos.$inferSelect
type DerivativeRow = typeof derivatives.$inferSelect

/** These photos' rows and all their derivatives, read at once (the three-query loader's photo part). */
export async function photosWithDerivatives(db: DbOrTx, ids: string[]): Promise<{ rows: PhotoRow[]; ds: DerivativeRow[] }> {
  const [rows, ds] = await Promise.all([
    db.select().from(photos).where(inArray(photos.id, ids)),
    db.select().from(derivatives).where(inArray(derivatives.photoId, ids)),
  ])
  return { rows, ds }
}

/** The gate's view of a consent row: what it decides on, nothing of who wrote it. */
function currentConsent(c: typeof consentsTable.$inferSelect): CurrentConsent {
  const { subjectId, version, state, uses, excludedTopics, identifiable, identifiabilityAgreed, outletAllow, outletDeny, publicPreview, reason } = c
  const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10))
  return {
    subjectId,
    version,
    state,
    uses,
    excludedTopics,
    identifiable,
    identifiabilityAgreed,
    outletAllow: outletAllow ?? null,
    outletDeny: outletDeny ?? [],
    publicPreview,
    validFrom: day(c.validFrom),
    validUntil: day(c.validUntil),
    reason: reason ?? null,
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Each table's columns as [property, column] pairs, listed once (getTableColumns copies them on every call). */
const columnsOf = new WeakMap<Table, [string, ReturnType<typeof getTableColumns>[string]][]>()

/** A row of `table` from its JSON form (row_to_json): each column through drizzle's own driver mapping. */
function fromJson<T>(table: Table, json: Record<string, unknown>): T {
  let columns = columnsOf.get(table)
  if (!columns) columnsOf.set(table, (columns = Object.entries(getTableColumns(table))))
  const out: Record<string, unknown> = {}
  for (const [key, column] of columns) {
    const v = json[column.name]
    out[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v)
  }
  return out as T
}

/**
 * The gate's database read (for the cache, and inside a transaction) in ONE round trip for any number of
 * photos: each photo's row with its derivatives, who is in it and their current consent (the latest version
 * per person, as consent.service.ts currentConsents reads it), as JSON. A malformed id is no such photo.
 */
export async function photoRecords(db: DbOrTx, ids: string[]): Promise<Map<string, PhotoRecord>> {
  ids = ids.filter((id) => UUID.test(id))
  if (ids.length === 0) return new Map()
  return recordsOf(rowsOf<RecordRow>(await db.execute(sql`${RECORDS} where p.id = any(${`{${ids.join(',')}}`}::uuid[])`)))
}

/** One photo record as the statement gives it: JSON parts, made into rows by recordsOf. */
interface RecordRow {
  photo: Record<string, unknown> | null
  ds: Record<string, unknown>[]
  subjects: string[]
  consents: Record<string, unknown>[]
}

const RECORDS = sql`
        select row_to_json(p) as photo,
               coalesce((select json_agg(d) from derivatives d where d.photo_id = p.id), '[]') as ds,
               coalesce((select json_agg(s.subject_id) from photo_subjects s where s.photo_id = p.id), '[]') as subjects,
               coalesce((select json_agg(c) from (select distinct on (c.subject_id) c.* from consents c where c.photo_id = p.id
                                                 order by c.subject_id, c.version desc) c), '[]') as consents
        from photos p`

function recordsOf(rows: RecordRow[]): Map<string, PhotoRecord> {
  const out = new Map<string, PhotoRecord>()
  for (const r of rows) {
    if (!r.photo) continue
    const photo = fromJson<PhotoRow>(photos, r.photo)
    const consents = new Map(r.consents.map((json) => currentConsent(fromJson(consentsTable, json))).map((c) => [c.subjectId, c]))
    out.set(photo.id, {
      photo,
      gate: { subjectIds: r.subjects.map(String), consents },
      derivatives: r.ds.map((d) => fromJson<DerivativeRow>(derivatives, d)),
    })
  }
  return out
}

/** What the change log said to one statement (changesSince's row). */
export interface ChangesRow {
  snapshot: string
  xmin: string
  changes: [number, string | null][] | null
}

/**
 * photoRecords and changesSince in ONE statement (one snapshot, one round trip): the records of these
 * photos and the photos changed by transactions not visible in `base`, as of the same snapshot. A cold
 * read with a PostgreSQL server carries its freshness check this way (gate.freshness.ts).
 */
export async function photoRecordsSince(
  db: DbOrTx,
  ids: string[],
  base: string | null,
  maxRows: number,
): Promise<{ records: Map<string, PhotoRecord>; feed: ChangesRow | undefined }> {
  let statement = prepared.get(db)
  if (!statement) prepared.set(db, (statement = prepareRecordsSince(db)))
  const rows = (await statement.execute({ ids: `{${ids.filter((id) => UUID.test(id)).join(',')}}`, base, limit: maxRows + 1 })) as (ChangesRow & RecordRow)[]
  return { records: recordsOf(rows), feed: rows[0] }
}

/**
 * photoRecordsSince's statement, prepared under a name: each pooled connection parses it once, and the
 * server need not parse and plan it for every cold read (on an empty database, planning took ~0.3 ms and running it ~0.07 ms).
 */
function prepareRecordsSince(db: DbOrTx) {
  const base = sql.placeholder('base')
  const limit = sql.placeholder('limit')
  return db
    .select({
      snapshot: sql<string>`feed.snapshot`,
      xmin: sql<string>`feed.xmin`,
      changes: sql<ChangesRow['changes']>`feed.changes`,
      photo: sql<RecordRow['photo']>`r.photo`,
      ds: sql<RecordRow['ds']>`r.ds`,
      subjects: sql<RecordRow['subjects']>`r.subjects`,
      consents: sql<RecordRow['consents']>`r.consents`,
    })
    .from(sql`(${changesStatement(base, limit)}) feed left join (${RECORDS} where p.id = any(${sql.placeholder('ids')}::uuid[])) r on true`)
    .prepare('eb_gate_records_since')
}

const prepared = new WeakMap<DbOrTx, ReturnType<typeof prepareRecordsSince>>()

const changesStatement = (base: ReturnType<typeof sql.placeholder>, limit: ReturnType<typeof sql.placeholder>) => sql`
          select pg_current_snapshot()::text as snapshot, pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
            (select json_agg(json_build_array(c.seq, c.photo_id)) from (
               select seq, photo_id from photo_changes
               where ${base}::text is not null and xid >= pg_snapshot_xmin(${base}::pg_snapshot)
                 and not pg_visible_in_snapshot(xid, ${base}::pg_snapshot)
               limit ${limit}::int) c) as changes`

/**
 * The database's current snapshot, its xmin, and (with a previous snapshot `base`) the photos changed by
 * transactions not visible in `base`: at most `maxRows + 1` rows, so a caller can tell "too many".
 */
export async function changesSince(db: DbOrTx, base: string | null, maxRows: number): Promise<ChangesRow | undefined> {
  let statement = preparedChanges.get(db)
  if (!statement) preparedChanges.set(db, (statement = prepareChangesSince(db)))
  const [row] = (await statement.execute({ base, limit: maxRows + 1 })) as ChangesRow[]
  return row
}

/** changesSince's statement, prepared under a name as photoRecordsSince's is (it runs before every read from memory). */
function prepareChangesSince(db: DbOrTx) {
  return db
    .select({ snapshot: sql<string>`feed.snapshot`, xmin: sql<string>`feed.xmin`, changes: sql<ChangesRow['changes']>`feed.changes` })
    .from(sql`(${changesStatement(sql.placeholder('base'), sql.placeholder('limit'))}) feed`)
    .prepare('eb_gate_changes_since')
}

const preparedChanges = new WeakMap<DbOrTx, ReturnType<typeof prepareChangesSince>>()

/** Deletes the change log's rows of transactions older than `horizon` (an xid8). */
export async function pruneChanges(db: DbOrTx, horizon: string): Promise<void> {
  await db.execute(sql`delete from photo_changes where xid < ${horizon}::xid8`)
}
