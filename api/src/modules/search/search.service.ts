/**
 * The search service: language guidance, then the engine, then the consent gate on every hit. The engine
 * only ranks and filters; whether a photo may be shown is decided here, by the gate, at request time (on the photo records: photos.records.ts)
 * (promise 1). A hit the gate no longer shows is dropped and its removal queued (a stale index); a hit whose
 * document is out of date for this caller (no public preview, a use no longer allowed) is dropped and its
 * rebuild queued. Dropped hits are replaced from the next engine page, so pages stay full.
 */
import type { Db } from '../../db/client.ts'
import { Problem } from '../../platform/problems.ts'
import type { Principal } from '../auth/auth.service.ts'
import { todayUtc } from '../consent/consent.gate.ts'
import { inPresetOrder, mediaUrl, PREVIEW_PRESETS, type PhotoRecord, type PhotoRecords } from '../photos/photos.records.ts'
import type { JobQueue, Worker } from '../jobs/index.ts'
import { derivatives, photos } from '../photos/photos.table.ts'
import { LanguageGuidance } from './search.guidance.ts'
import { SearchCursorError, type SearchEngine, type SearchFilters, type SearchResult } from './search.port.ts'
import { SEARCH_DEFAULT_LIMIT, type SearchQuerystringT, type SearchResponseT } from './search.schemas.ts'
import { enqueueSearchRemove, enqueueSearchSync } from './search.sync.ts'

type PhotoRow = typeof photos.$inferSelect
type DerivativeRow = typeof derivatives.$inferSelect

/** Engine round trips per request when hits are dropped; the page may come back short after that. */
const REFILLS = 3

export interface SearchServiceDeps {
  db: Db
  engine: SearchEngine
  queue: JobQueue
  worker?: Worker
  /** Photo rows with their gate inputs and derivatives (photos.records.ts: cached while changes are heard). */
  records: PhotoRecords
  guidance?: LanguageGuidance
  publicUrl?: string
}

export const searchProblems = {
  badCursor: () => new Problem(400, 'invalid-cursor', 'Invalid cursor', 'The cursor is not valid for this search; start again without it.'),
}

type HitBase = Omit<SearchResponseT['hits'][number], 'highlights'>

/** A request's search, ready for the engine. */
interface Prepared {
  params: SearchQuerystringT
  guided: ReturnType<LanguageGuidance['apply']>
  filters: SearchFilters
  limit: number
  /** The language note is the one part of a response that the engine's query does not determine. */
  noteKey: string
}

export class SearchService {
  readonly guidance: LanguageGuidance
  readonly #hits = new WeakMap<PhotoRecord, { user?: HitBase; anonymous?: HitBase }>()
  /** Bytes served for an engine answer, per variant, with the records they were built from (searchJson). */
  readonly #served = new WeakMap<SearchResult, Map<string, { records: PhotoRecord[]; json: Buffer }>>()

  constructor(private readonly deps: SearchServiceDeps) {
    this.guidance = deps.guidance ?? new LanguageGuidance()
  }

  get engineName() {
    return this.deps.engine.name
  }

  /**
   * The response as JSON bytes, serialised by `serialize` (the route's response schema, the allow-list).
   * When the engine's answer is the same (cached) answer as before, and every hit's photo record is the
   * same record as when that answer was last served (a change to a photo makes a new record), the gate's
   * verdicts are the same too, and so are the bytes: they are sent again without building them anew. The
   * gate still decides: the records are looked up, and compared, on every request.
   */
  async searchJson(params: SearchQuerystringT, principal: Principal | null, serialize: (r: SearchResponseT) => string): Promise<Buffer> {
    const today = todayUtc()
    const prepared = this.#prepare(params, principal)
    const answer = await this.#engineSearch(prepared, prepared.limit, params.cursor)
    const variant = `${principal ? 'user' : 'anonymous'}|${today}|${prepared.noteKey}`
    const memo = this.#served.get(answer)?.get(variant)
    if (memo && memo.records.length === answer.hits.length) {
      const records = await this.deps.records.get(answer.hits.map((h) => h.id))
      if (answer.hits.every((h, i) => records.get(h.id) === memo.records[i])) return memo.json
    }
    const { response, reusable } = await this.#run(prepared, principal, today, answer)
    const json = Buffer.from(serialize(response))
    if (reusable && this.deps.records.live) {
      let byVariant = this.#served.get(answer)
      if (!byVariant) this.#served.set(answer, (byVariant = new Map()))
      byVariant.set(variant, { records: reusable, json })
    }
    return json
  }

  #prepare(params: SearchQuerystringT, principal: Principal | null): Prepared {
    const q = (params.q ?? '').replace(/\s+/g, ' ').trim()
    const guided = this.guidance.apply(q, params.lang)
    const filters: SearchFilters = {
      ...(params.use ? { use: params.use } : {}),
      ...(params.orientation ? { orientation: params.orientation } : {}),
      ...(params.colour ? { colour: params.colour } : {}),
      ...(params.series ? { series: params.series } : {}),
      ...(params.collection ? { collection: params.collection } : {}),
      ...(params.photographer ? { photographer: params.photographer } : {}),
      ...(principal ? {} : { publicPreviewOnly: true }),
    }
    return {
      params,
      guided,
      filters,
      limit: params.limit ?? SEARCH_DEFAULT_LIMIT,
      noteKey: guided.languageNote ? JSON.stringify(guided.languageNote) : '',
    }
  }

  async #engineSearch(p: Prepared, limit: number, cursor: string | undefined): Promise<SearchResult> {
    try {
      return await this.deps.engine.search({ q: p.guided.q, ...(p.params.lang ? { lang: p.params.lang } : {}), filters: p.filters, sort: p.params.sort ?? 'relevance', limit, ...(cursor ? { cursor } : {}) })
    } catch (err) {
      if (err instanceof SearchCursorError) throw searchProblems.badCursor()
      throw err
    }
  }

  /**
   * The search: engine, then the gate on every hit, refilling from the next engine page when hits are
   * dropped. `reusable` (the records of the hits, in order) when the first answer was served as it is:
   * one engine page, nothing dropped.
   */
  async #run(p: Prepared, principal: Principal | null, today: string, firstAnswer?: SearchResult): Promise<{ response: SearchResponseT; reusable: PhotoRecord[] | null }> {
    const { filters, limit } = p
    const kept: { record: PhotoRecord; highlights: SearchResult['hits'][number]['highlights'] }[] = []
    const stale: string[] = []
    const outdated: string[] = []
    let cursor = p.params.cursor
    let first: SearchResult | undefined
    let next: string | null = null
    let rounds = 0
    for (let round = 0; round <= REFILLS && kept.length < limit; round++) {
      rounds++
      const r = round === 0 && firstAnswer ? firstAnswer : await this.#engineSearch(p, limit - kept.length, cursor)
      first ??= r
      next = r.nextCursor
      if (r.hits.length) {
        const records = await this.deps.records.get(r.hits.map((h) => h.id))
        for (const h of r.hits) {
          const record = records.get(h.id)
          const v = record ? this.deps.records.verdict(record, today) : undefined
          if (!record || !v?.shown || record.photo.erasedAt) {
            stale.push(h.id)
            continue
          }
          const fits = (principal || v.permission.publicPreview) && (!filters.use || v.permission.uses.includes(filters.use))
          if (!fits) {
            outdated.push(h.id)
            continue
          }
          kept.push({ record, highlights: h.highlights })
        }
      }
      if (!next) break
      cursor = next
    }
    await this.#repair(stale, outdated)

    const dropped = stale.length + outdated.length
    const response: SearchResponseT = {
      hits: kept.map((k) => ({ ...this.#hitBase(k.record, principal !== null), highlights: k.highlights })),
      facets: first!.facets,
      languageNote: p.guided.languageNote,
      total: Math.max(kept.length, first!.total - dropped),
      nextCursor: next,
    }
    return { response, reusable: rounds === 1 && dropped === 0 ? kept.map((k) => k.record) : null }
  }

  /** Stale entries are removed, outdated ones rebuilt; both through the outbox, in one transaction. */
  async #repair(stale: string[], outdated: string[]) {
    if (stale.length === 0 && outdated.length === 0) return
    await this.deps.db.transaction(async (tx) => {
      for (const id of stale) await enqueueSearchRemove(tx, this.deps.queue, id)
      for (const id of outdated) await enqueueSearchSync(tx, this.deps.queue, id)
    })
    this.deps.worker?.nudge()
  }

  /** A hit without its highlights: built once per record, for signed-in and for anonymous callers. */
  #hitBase(record: PhotoRecord, signedIn: boolean): HitBase {
    let bases = this.#hits.get(record)
    if (!bases) this.#hits.set(record, (bases = {}))
    const key = signedIn ? 'user' : 'anonymous'
    return (bases[key] ??= this.#hit(record.photo, record.derivatives.filter((d) => signedIn || PREVIEW_PRESETS.has(d.preset))))
  }

  #hit(p: PhotoRow, ds: readonly DerivativeRow[]): HitBase {
    const base = this.deps.publicUrl ?? ''
    return {
      id: p.id,
      caption: { nl: p.captionNl, en: p.captionEn },
      alt: { nl: p.altNl, en: p.altEn },
      credit: p.credit,
      width: p.width,
      height: p.height,
      thumbhash: p.thumbhash,
      colour: p.dominantColour,
      previews: inPresetOrder(ds).map((d) => ({ preset: d.preset, format: d.format, width: d.width, height: d.height, url: mediaUrl(base, p.id, d) })),
    }
  }
}
