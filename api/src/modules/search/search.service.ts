/**
 * The search service: language guidance, then the engine, then the gate on every hit. The engine only
 * ranks and filters; whether a photo may be shown, and in which sizes, is decided by the gate (modules/gate:
 * gate.check with the 'preview' purpose) at request time, on every request (promise 1). A hit the gate no longer shows is dropped and its removal queued (a stale index); a hit whose
 * document is out of date for this caller (no public preview, a use no longer allowed) is dropped and its
 * rebuild queued. Dropped hits are replaced from the next engine page, so pages stay full.
 */
import type { Db } from '../../db/client.ts'
import { Problem } from '../../platform/problems.ts'
import type { Principal } from '../auth/index.ts'
import { callerOf, inPresetOrder, mediaUrl, todayUtc, type Allowed, type Caller, type Decision, type Gate, type PhotoRecord } from '../gate/index.ts'
import type { JobQueue, Worker } from '../jobs/index.ts'
import type { DerivativeRow, PhotoRow } from '../photos/index.ts'
import { LanguageGuidance } from './search.guidance.ts'
import { SearchCursorError, type SearchEngine, type SearchFilters, type SearchResult } from './search.port.ts'
import { SEARCH_DEFAULT_LIMIT, type SearchHighlightsT, type SearchQuerystringT, type SearchResponseT } from './search.schemas.ts'
import { enqueueSearchRemove, enqueueSearchSync } from './search.sync.ts'

/** What the gate says when a photo may be shown to nobody now: its index entry is stale. */
const PHOTO_GONE = new Set(['missing', 'erased', 'withdrawn', 'not-published', 'not-shown'])

/** Engine round trips per request when hits are dropped; the page may come back short after that. */
const REFILLS = 3

export interface SearchServiceDeps {
  db: Db
  engine: SearchEngine
  queue: JobQueue
  worker?: Worker
  /** The one door (modules/gate): decides every hit, on its photo records (cached while changes are heard). */
  gate: Gate
  guidance?: LanguageGuidance
  publicUrl?: string
}

export const searchProblems = {
  badCursor: () => new Problem(400, 'invalid-cursor', 'Invalid cursor', 'The cursor is not valid for this search; start again without it.'),
}

type HitBase = Omit<SearchResponseT['hits'][number], 'highlights'>

/** The route's serialisers (its response schema and that schema's parts: the allow-list). */
export interface SearchSerializers {
  response: (r: SearchResponseT) => string
  /** A hit without its highlights (SearchHitBaseSchema). */
  hitBase: (h: HitBase) => string
  highlights: (h: SearchHighlightsT) => string
}

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
  readonly #hits = new WeakMap<PhotoRecord, Map<string, HitBase>>()
  /** A hit base's JSON (the same for every search that shows it: one record, one set of sizes). */
  readonly #hitJson = new WeakMap<HitBase, string>()
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
   * When the engine's answer is the same (cached) answer as before, the caller is of the same audience
   * (the gate's), and the gate lets every hit through on the same photo record as when that answer was last
   * served (a change to a photo makes a new record), the gate's decisions are the same too, and so are the
   * bytes: they are sent again without building them anew. The gate still decides, on every request.
   */
  async searchJson(params: SearchQuerystringT, principal: Principal | null, serializers: SearchSerializers): Promise<Buffer> {
    const today = todayUtc()
    const caller = callerOf(principal)
    const audience = this.deps.gate.audience(caller)
    const prepared = this.#prepare(params, audience.scope === 'public')
    const answer = await this.#engineSearch(prepared, prepared.limit, params.cursor)
    const variant = `${audience.key}|${today}|${prepared.noteKey}`
    const memo = this.#served.get(answer)?.get(variant)
    if (memo && memo.records.length === answer.hits.length) {
      const decisions = await this.deps.gate.check(
        answer.hits.map((h) => h.id),
        { kind: 'preview' },
        caller,
      )
      if (
        answer.hits.every((h, i) => {
          const d = decisions.get(h.id)
          return d?.ok && d.record === memo.records[i]
        })
      )
        return memo.json
    }
    const { response, reusable, bases } = await this.#run(prepared, caller, answer)
    const json = Buffer.from(this.#serialize(response, bases, serializers))
    if (reusable && this.deps.gate.records.live) {
      let byVariant = this.#served.get(answer)
      if (!byVariant) this.#served.set(answer, (byVariant = new Map()))
      byVariant.set(variant, { records: reusable, json })
    }
    return json
  }

  /**
   * The response's JSON: each hit's fixed part as serialised before (per record and sizes), joined with
   * its highlights, inside the rest of the response (serialised with no hits). Byte for byte what the
   * response schema gives for the whole (its properties in the schema's order, highlights last in a hit).
   */
  #serialize(response: SearchResponseT, bases: HitBase[], s: SearchSerializers): string {
    const empty = '{"hits":[]'
    const rest = s.response({ ...response, hits: [] })
    if (!rest.startsWith(empty)) return s.response(response)
    let out = '{"hits":['
    for (let i = 0; i < bases.length; i++) {
      const base = bases[i]!
      let fixed = this.#hitJson.get(base)
      if (fixed === undefined) this.#hitJson.set(base, (fixed = s.hitBase(base)))
      out += `${i ? ',' : ''}${fixed.slice(0, -1)},"highlights":${s.highlights(response.hits[i]!.highlights)}}`
    }
    return `${out}]${rest.slice(empty.length)}`
  }

  #prepare(params: SearchQuerystringT, publicOnly: boolean): Prepared {
    const q = (params.q ?? '').replace(/\s+/g, ' ').trim()
    const guided = this.guidance.apply(q, params.lang)
    const filters: SearchFilters = {
      ...(params.use ? { use: params.use } : {}),
      ...(params.orientation ? { orientation: params.orientation } : {}),
      ...(params.colour ? { colour: params.colour } : {}),
      ...(params.series ? { series: params.series } : {}),
      ...(params.collection ? { collection: params.collection } : {}),
      ...(params.photographer ? { photographer: params.photographer } : {}),
      ...(publicOnly ? { publicPreviewOnly: true } : {}),
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
      return await this.deps.engine.search({
        q: p.guided.q,
        ...(p.params.lang ? { lang: p.params.lang } : {}),
        filters: p.filters,
        sort: p.params.sort ?? 'relevance',
        limit,
        ...(cursor ? { cursor } : {}),
      })
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
  async #run(
    p: Prepared,
    caller: Caller,
    firstAnswer?: SearchResult,
  ): Promise<{ response: SearchResponseT; reusable: PhotoRecord[] | null; bases: HitBase[] }> {
    const { filters, limit } = p
    const kept: { allowed: Allowed; highlights: SearchResult['hits'][number]['highlights'] }[] = []
    const stale: string[] = []
    const outdated: string[] = []
    let skipped = 0
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
        const decisions = await this.deps.gate.check(
          r.hits.map((h) => h.id),
          { kind: 'preview' },
          caller,
        )
        for (const h of r.hits) {
          const d: Decision = decisions.get(h.id)!
          if (!d.ok) {
            // The photo may no longer be shown to anyone: its entry is stale. Not to this caller only:
            // out of date when the index said everyone allows a public preview, else simply not theirs.
            if (PHOTO_GONE.has(d.reason)) stale.push(h.id)
            else if (d.reason === 'no-public-preview' && filters.publicPreviewOnly) outdated.push(h.id)
            else skipped++
            continue
          }
          if (filters.use && !d.permission?.uses.includes(filters.use)) {
            outdated.push(h.id)
            continue
          }
          kept.push({ allowed: d, highlights: h.highlights })
        }
      }
      if (!next) break
      cursor = next
    }
    await this.#repair(stale, outdated)

    const dropped = stale.length + outdated.length + skipped
    const bases = kept.map((k) => this.#hitBase(k.allowed))
    const response: SearchResponseT = {
      hits: kept.map((k, i) => ({ ...bases[i]!, highlights: k.highlights })),
      facets: first!.facets,
      languageNote: p.guided.languageNote,
      total: Math.max(kept.length, first!.total - dropped),
      nextCursor: next,
    }
    return { response, reusable: rounds === 1 && dropped === 0 ? kept.map((k) => k.allowed.record) : null, bases }
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

  /** A hit without its highlights, with the sizes the gate allows: built once per record and set of sizes. */
  #hitBase(allowed: Allowed): HitBase {
    const { record, presets } = allowed
    let bases = this.#hits.get(record)
    if (!bases) this.#hits.set(record, (bases = new Map()))
    const key = presets.join(',')
    let base = bases.get(key)
    if (!base)
      bases.set(
        key,
        (base = this.#hit(
          record.photo,
          record.derivatives.filter((d) => presets.includes(d.preset as never)),
        )),
      )
    return base
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
