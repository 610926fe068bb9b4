/**
 * The search service: language guidance, then the engine, then the consent gate on every hit. The engine
 * only ranks and filters; whether a photo may be shown is decided here, from the database, at request time
 * (promise 1). A hit the gate no longer shows is dropped and its removal queued (a stale index); a hit whose
 * document is out of date for this caller (no public preview, a use no longer allowed) is dropped and its
 * rebuild queued. Dropped hits are replaced from the next engine page, so pages stay full.
 */
import type { Db } from '../../db/client.ts'
import { Problem } from '../../platform/problems.ts'
import type { Principal } from '../auth/auth.service.ts'
import type { GateVerdict } from '../consent/consent.gate.ts'
import type { GateInputs } from '../consent/consent.service.ts'
import type { PhotoRecord, PhotoRecords } from '../photos/photos.records.ts'
import type { JobQueue, Worker } from '../jobs/index.ts'
import { PRESETS } from '../media/presets.ts'
import { derivatives, photos } from '../photos/photos.table.ts'
import { LanguageGuidance } from './search.guidance.ts'
import { SearchCursorError, type SearchEngine, type SearchFilters, type SearchResult } from './search.port.ts'
import { SEARCH_DEFAULT_LIMIT, type SearchQuerystringT, type SearchResponseT } from './search.schemas.ts'
import { enqueueSearchRemove, enqueueSearchSync } from './search.sync.ts'

type PhotoRow = typeof photos.$inferSelect
type DerivativeRow = typeof derivatives.$inferSelect

/** What an anonymous caller may see of a photo (the same set as photos' PREVIEW_PRESETS). */
const ANONYMOUS_PRESETS = new Set(['thumb', 'small'])
/** Engine round trips per request when hits are dropped; the page may come back short after that. */
const REFILLS = 3

export interface SearchServiceDeps {
  db: Db
  engine: SearchEngine
  queue: JobQueue
  worker?: Worker
  /** Photo rows with their gate inputs and derivatives (photos.records.ts: cached while changes are heard). */
  records: PhotoRecords
  /** The consent gate, run on every hit of every request from the record's current inputs. */
  verdict: (photo: PhotoRow, inputs: GateInputs) => GateVerdict
  guidance?: LanguageGuidance
  publicUrl?: string
}

export const searchProblems = {
  badCursor: () => new Problem(400, 'invalid-cursor', 'Invalid cursor', 'The cursor is not valid for this search; start again without it.'),
}

export class SearchService {
  readonly guidance: LanguageGuidance

  constructor(private readonly deps: SearchServiceDeps) {
    this.guidance = deps.guidance ?? new LanguageGuidance()
  }

  get engineName() {
    return this.deps.engine.name
  }

  async search(params: SearchQuerystringT, principal: Principal | null): Promise<SearchResponseT> {
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
    const limit = params.limit ?? SEARCH_DEFAULT_LIMIT
    const kept: { record: PhotoRecord; highlights: SearchResult['hits'][number]['highlights'] }[] = []
    const stale: string[] = []
    const outdated: string[] = []
    let cursor = params.cursor
    let first: SearchResult | undefined
    let next: string | null = null
    for (let round = 0; round <= REFILLS && kept.length < limit; round++) {
      let r: SearchResult
      try {
        r = await this.deps.engine.search({ q: guided.q, ...(params.lang ? { lang: params.lang } : {}), filters, sort: params.sort ?? 'relevance', limit: limit - kept.length, ...(cursor ? { cursor } : {}) })
      } catch (err) {
        if (err instanceof SearchCursorError) throw searchProblems.badCursor()
        throw err
      }
      first ??= r
      next = r.nextCursor
      if (r.hits.length) {
        const ids = r.hits.map((h) => h.id)
        const records = await this.deps.records.get(ids)
        for (const h of r.hits) {
          const record = records.get(h.id)
          const v = record ? this.deps.verdict(record.photo, record.gate) : undefined
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
    return {
      hits: kept.map((k) => this.#hit(k.record.photo, k.record.derivatives.filter((d) => principal || ANONYMOUS_PRESETS.has(d.preset)), k.highlights)),
      facets: first!.facets,
      languageNote: guided.languageNote,
      total: Math.max(kept.length, first!.total - dropped),
      nextCursor: next,
    }
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

  #hit(p: PhotoRow, ds: readonly DerivativeRow[], highlights: SearchResult['hits'][number]['highlights']): SearchResponseT['hits'][number] {
    const order = (d: DerivativeRow) => PRESETS.findIndex((x) => x.name === d.preset) * 10 + ['jpeg', 'webp', 'avif'].indexOf(d.format)
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
      previews: [...ds]
        .sort((a, b) => order(a) - order(b))
        .map((d) => ({ preset: d.preset, format: d.format, width: d.width, height: d.height, url: `${base}/v1/photos/${p.id}/media/${d.preset}.${d.format}?v=${d.etag}` })),
      highlights,
    }
  }
}
