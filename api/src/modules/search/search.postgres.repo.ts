/**
 * The PostgreSQL search engine (the default; no extra service). Documents live in `search_documents` with a
 * weighted tsvector: Dutch stems of the Dutch texts, English stems of the English ones, and 'simple' words of
 * both, all over unaccented text (migrations 'search_functions' and 'search_vector_per_language').
 *
 * A query, step by step:
 *  1. The words are folded (lower case, no accents); Dutch-or-English stop words are dropped.
 *  2. Typos: a word that no document has is widened with its nearest words from `search_words` by trigram
 *     similarity (≥ 0.4, three at most), also when, typed last, it begins longer words ("workr" begins
 *     "workroom" but was meant as "worker"). The word itself stays, so this only ever adds matches.
 *     "sexwerker" → sexwerker | sekswerker | sekswerkers.
 *  3. Each word becomes (dutch | english | simple) of itself; the last one is a prefix (`:*`) so results
 *     follow typing; the words are ANDed.
 *  4. Bounded ranking: the matches are cut to the newest CANDIDATES (an index-ordered LIMIT the planner
 *     can stop early on; ranking is never run over a huge match set — STACK.md: p95 ~390 ms at 1M rows
 *     unbounded), and only those are ranked with ts_rank, counted and faceted. `total` and the facet
 *     counts are therefore exact up to CANDIDATES matches and a lower bound beyond; pages reach that far.
 *     Which way the matches are found depends on how many there are. A probe without an order asks for
 *     CANDIDATES + 1 matches: when fewer come back, they are all the matches (a rare word, read through the
 *     word index: walking the newest-first index for it read the whole table, 3.5 s at 1M photos), and
 *     only they are ordered. Otherwise the newest-first index is walked and stops after CANDIDATES matches.
 *     (The planner, asked for the ordered LIMIT directly, underestimated rare prefix queries and walked.)
 *  5. Highlights are made in TypeScript for the page's documents only (search.text.ts), HTML-escaped.
 *
 * Cursors are an offset into the (stable) candidate order, encoded as base64url JSON.
 */
import { sql, type SQL } from 'drizzle-orm'
import { rowsOf, type Db } from '../../db/client.ts'
import {
  FACETS,
  SearchCursorError,
  type Facet,
  type SearchDocument,
  type SearchEngine,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from './search.port.ts'
import { highlight, tokenize } from './search.text.ts'

/** How many matches are ranked, counted and faceted at most. */
export const CANDIDATES = 1000
/** Trigram similarity a neighbour word needs to count as a likely typo of a query word. */
const SIMILARITY = 0.4
const NEIGHBOURS = 3
const UPSERT_BATCH = 500

interface Cursor {
  o: number
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url')
}

function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor
    if (!c || typeof c !== 'object' || !Number.isInteger(c.o) || c.o < 1 || c.o >= CANDIDATES) throw new Error('bad cursor')
    return c
  } catch {
    throw new SearchCursorError()
  }
}

interface WordInfo {
  tok: string
  stop: boolean
  known: boolean
  near: string[]
}

export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const

  constructor(private readonly db: Db) {}

  async upsert(docs: SearchDocument[]): Promise<void> {
    for (let i = 0; i < docs.length; i += UPSERT_BATCH) {
      await this.#write(this.db, docs.slice(i, i + UPSERT_BATCH))
    }
  }

  async #write(db: Pick<Db, 'execute'>, docs: SearchDocument[]) {
    if (docs.length === 0) return
    const json = JSON.stringify(docs)
    await db.execute(sql`
      insert into search_documents (photo_id, caption_nl, caption_en, alt_nl, alt_en, tags, tags_en, series, credit, photographer_id, collections, orientation, colour, uses, public_preview, published_at, indexed_at, tsv)
      select d.id, d."captionNl", d."captionEn", d."altNl", d."altEn",
             array(select jsonb_array_elements_text(d.tags)), array(select jsonb_array_elements_text(d."tagsEn")), d.series, d.credit, d."photographerId",
             array(select jsonb_array_elements_text(d.collections))::uuid[], d.orientation, d.colour,
             array(select jsonb_array_elements_text(d.uses)), d."publicPreview", d."publishedAt", clock_timestamp(),
             eb_search_vector(d."captionNl", d."captionEn", d."altNl", d."altEn",
                              concat_ws(' ', (select string_agg(t, ' ') from jsonb_array_elements_text(d.tags) t),
                                        (select string_agg(t, ' ') from jsonb_array_elements_text(d."tagsEn") t), d.series), d.credit)
      from jsonb_to_recordset(${json}::jsonb) as d(id uuid, "captionNl" text, "captionEn" text, "altNl" text, "altEn" text, tags jsonb, "tagsEn" jsonb, series text, credit text,
           "photographerId" uuid, collections jsonb, orientation text, colour text, uses jsonb, "publicPreview" boolean, "publishedAt" timestamptz)
      on conflict (photo_id) do update set
        caption_nl = excluded.caption_nl, caption_en = excluded.caption_en, alt_nl = excluded.alt_nl, alt_en = excluded.alt_en,
        tags = excluded.tags, tags_en = excluded.tags_en, series = excluded.series, credit = excluded.credit, photographer_id = excluded.photographer_id,
        collections = excluded.collections, orientation = excluded.orientation, colour = excluded.colour, uses = excluded.uses,
        public_preview = excluded.public_preview, published_at = excluded.published_at, indexed_at = excluded.indexed_at, tsv = excluded.tsv`)
    // The typo fallback's vocabulary: every word the documents use.
    await db.execute(sql`
      insert into search_words (word)
      select distinct w from jsonb_to_recordset(${json}::jsonb) as d("captionNl" text, "captionEn" text, "altNl" text, "altEn" text, tags jsonb, "tagsEn" jsonb, series text),
        regexp_split_to_table(lower(eb_unaccent(concat_ws(' ', d."captionNl", d."captionEn", d."altNl", d."altEn", d.series,
          (select string_agg(t, ' ') from jsonb_array_elements_text(d.tags) t),
          (select string_agg(t, ' ') from jsonb_array_elements_text(d."tagsEn") t)))), '[^[:alnum:]]+') as w
      where length(w) between 3 and 40
      on conflict (word) do nothing`)
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return
    const gone = await this.db.execute(sql`
      delete from search_documents where photo_id = any(${`{${ids.join(',')}}`}::uuid[])
      returning lower(eb_unaccent(concat_ws(' ', caption_nl, caption_en, alt_nl, alt_en, series, array_to_string(tags, ' '), array_to_string(tags_en, ' ')))) as text`)
    // The typo vocabulary forgets the words only these photos contributed (an erased photo's alt text must
    // not live on as a suggestion); a word another document still uses stays. Words are split on
    // non-alphanumerics exactly as in upsert(), so they are safe inside the pattern.
    const words = [
      ...new Set(
        rowsOf<{ text: string }>(gone)
          .flatMap((r) => r.text.split(/[^\p{L}\p{N}]+/u))
          .filter((w) => w.length >= 3 && w.length <= 40),
      ),
    ]
    if (words.length === 0) return
    await this.db.execute(sql`
      delete from search_words w where w.word = any(${`{${words.join(',')}}`}::text[])
        and not exists (select 1 from search_documents d
          where lower(eb_unaccent(concat_ws(' ', d.caption_nl, d.caption_en, d.alt_nl, d.alt_en, d.series, array_to_string(d.tags, ' '), array_to_string(d.tags_en, ' '))))
                ~ ('(^|[^[:alnum:]])' || w.word || '([^[:alnum:]]|$)'))`)
  }

  /**
   * Rebuild without a moment of empty search: every document is upserted (stamped with the clock time it
   * was written), then whatever was not written since the rebuild began is deleted. A sync job that writes
   * meanwhile stamps a later time, so its entry stays. Not one long transaction: the documents are read from
   * the same database while they are written (and PGlite has a single connection).
   */
  async reindex(batches: AsyncIterable<SearchDocument[]>): Promise<{ count: number }> {
    const [start] = rowsOf<{ t: string }>(await this.db.execute(sql`select clock_timestamp()::text as t`))
    let count = 0
    for await (const batch of batches) {
      for (let i = 0; i < batch.length; i += UPSERT_BATCH) await this.#write(this.db, batch.slice(i, i + UPSERT_BATCH))
      count += batch.length
    }
    await this.db.execute(sql`delete from search_documents where indexed_at < ${start!.t}::timestamptz`)
    return { count }
  }

  /** Every stored document in batches (keyset pages by id), or only the given ids: what the in-process engine loads. */
  async *documents(ids?: string[]): AsyncIterable<SearchDocument[]> {
    const page = 2000
    let after = '00000000-0000-0000-0000-000000000000'
    for (;;) {
      const rows = rowsOf<SearchDocument>(
        await this.db.execute(sql`
          select photo_id::text as id, caption_nl as "captionNl", caption_en as "captionEn", alt_nl as "altNl", alt_en as "altEn", tags, tags_en as "tagsEn", series, credit,
                 photographer_id::text as "photographerId", collections::text[] as collections, orientation, colour, uses, public_preview as "publicPreview",
                 to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "publishedAt"
          from search_documents
          where ${ids ? sql`photo_id = any(${`{${ids.join(',')}}`}::uuid[])` : sql`photo_id > ${after}::uuid`}
          order by photo_id ${ids ? sql`` : sql`limit ${page}`}`),
      )
      if (rows.length) yield rows
      if (ids || rows.length < page) return
      after = rows[rows.length - 1]!.id
    }
  }

  async #words(tokens: string[]): Promise<WordInfo[]> {
    if (tokens.length === 0) return []
    const rows = rowsOf<{ tok: string; stop: boolean; known: boolean; near: string[] | null }>(
      await this.db.execute(sql`
        select t.tok,
               (numnode(to_tsquery('dutch', t.tok)) = 0 or numnode(to_tsquery('english', t.tok)) = 0) as stop,
               k.known,
               case when k.known or length(t.tok) not between 4 and 40 then null else
                 array(select w.word from search_words w where w.word % t.tok and similarity(w.word, t.tok) >= ${SIMILARITY}
                       order by similarity(w.word, t.tok) desc, w.word limit ${NEIGHBOURS}) end as near
        from unnest(${`{${tokens.map((t) => `"${t}"`).join(',')}}`}::text[]) with ordinality as t(tok, n)
        cross join lateral (select exists(select 1 from search_words w where w.word = t.tok) as known) k
        order by t.n`),
    )
    // Swapped letters ("brgu", "mountian") share too few trigrams with the word to be found above: every
    // adjacent swap of an unknown word is looked up as a word (one index probe each, no scan).
    const swapsOf = (t: string) =>
      t.length < 4 ? [] : Array.from({ length: t.length - 1 }, (_, i) => t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2)).filter((x) => x !== t)
    const unknown = rows.filter((r) => !r.known)
    const swaps = unknown.flatMap((r) => swapsOf(r.tok))
    const existing = new Set(
      swaps.length
        ? rowsOf<{ word: string }>(
            await this.db.execute(sql`select word from search_words where word = any(${`{${swaps.map((t) => `"${t}"`).join(',')}}`}::text[])`),
          ).map((r) => r.word)
        : [],
    )
    return rows.map((r) => {
      const swapped = r.known ? [] : swapsOf(r.tok).filter((x) => existing.has(x))
      return { tok: r.tok, stop: r.stop, known: r.known, near: [...new Set([...swapped, ...(r.near ?? [])])].slice(0, NEIGHBOURS + swapped.length) }
    })
  }

  #tsquery(words: WordInfo[]): { query: SQL; terms: string[] } | null {
    let kept = words.filter((w) => !w.stop)
    if (kept.length === 0) kept = words // only stop words: search them as they are
    if (kept.length === 0) return null
    const terms: string[] = []
    const groups = kept.map((w, i) => {
      const isLast = w === words[words.length - 1] && i === kept.length - 1
      const alts = [isLast && w.tok.length >= 2 ? `${w.tok}:*` : w.tok, ...w.near]
      terms.push(w.tok, ...w.near)
      const parts = alts.map((a) => sql`(to_tsquery('dutch', ${a}) || to_tsquery('english', ${a}) || to_tsquery('simple', ${a}))`)
      return sql`(${sql.join(parts, sql` || `)})`
    })
    return { query: sql.join(groups, sql` && `), terms }
  }

  #filters(f: SearchFilters, except?: Facet): SQL {
    const where: SQL[] = []
    if (f.use && except !== 'use') where.push(sql`d.uses @> array[${f.use}]::text[]`)
    if (f.orientation && except !== 'orientation') where.push(sql`d.orientation = ${f.orientation}`)
    if (f.colour && except !== 'colour') where.push(sql`d.colour = ${f.colour}`)
    if (f.series && except !== 'series') where.push(sql`d.series = ${f.series}`)
    if (f.collection && except !== 'collection') where.push(sql`d.collections @> array[${f.collection}]::uuid[]`)
    if (f.photographer && except !== 'photographer') where.push(sql`d.photographer_id = ${f.photographer}::uuid`)
    if (f.publicPreviewOnly) where.push(sql`d.public_preview`)
    return where.length ? sql.join(where, sql` and `) : sql`true`
  }

  /**
   * The ids of every document matching the text and filters when there are at most CANDIDATES of them;
   * null when there are more. No order is asked for, so the planner picks by its own estimate of how
   * many match: the word index for a rare word (a handful of rows), a table scan that stops at
   * CANDIDATES + 1 matches for a common one (a few thousand rows). An empty list is an answer.
   */
  async #fewMatches(match: SQL, filters: SQL): Promise<string[] | null> {
    const rows = rowsOf<{ id: string }>(
      await this.db.execute(sql`select d.photo_id as id from search_documents d where ${match} and ${filters} limit ${CANDIDATES + 1}`),
    )
    return rows.length <= CANDIDATES ? rows.map((r) => r.id) : null
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const offset = query.cursor ? decodeCursor(query.cursor).o : 0
    const limit = Math.max(1, Math.min(query.limit, CANDIDATES))
    const tokens = tokenize(query.q)
    const built = this.#tsquery(await this.#words(tokens))
    const filters = this.#filters(query.filters)
    const match = built ? sql`d.tsv @@ (${built.query})` : sql`true`
    const ranked = built !== null && query.sort === 'relevance'
    const rank = ranked ? sql`ts_rank(c.tsv, (${built.query}))` : sql`0::real`
    const few = built ? await this.#fewMatches(match, filters) : null
    // The candidates, as one of two plans (see 4. above); the same rows either way.
    const candidates = few
      ? sql`select m.* from (select d.photo_id, d.published_at, ${ranked ? sql`d.tsv` : sql`null::tsvector as tsv`}, d.uses, d.orientation, d.colour, d.series, d.collections, d.photographer_id
              from search_documents d where d.photo_id = any(${`{${few.join(',')}}`}::uuid[]) offset 0) m
            order by m.published_at desc nulls last, m.photo_id desc nulls last
            limit ${CANDIDATES}`
      : sql`select d.photo_id, d.published_at, ${ranked ? sql`d.tsv` : sql`null::tsvector as tsv`}, d.uses, d.orientation, d.colour, d.series, d.collections, d.photographer_id
            from search_documents d
            where ${match} and ${filters}
            -- NULLS LAST as in search_documents_newest_idx, or the planner can't walk that index.
            order by d.published_at desc nulls last, d.photo_id desc nulls last
            limit ${CANDIDATES}`
    // Disjunctive facets: a facet that is filtered on is counted over the matches with every other filter
    // applied (bounded like the candidates), so choosing one value keeps the counts of the others.
    const active = FACETS.filter((f) => query.filters[f] !== undefined)
    const from = (f: Facet) => (active.includes(f) ? sql.raw(`f_${f}`) : sql.raw('c'))
    const others = active.map(
      (
        f,
      ) => sql`, ${sql.raw(`f_${f}`)} as materialized (select d.uses, d.orientation, d.colour, d.series, d.collections, d.photographer_id from search_documents d
                 where ${match} and ${this.#filters(query.filters, f)} limit ${CANDIDATES})`,
    )
    const rows = rowsOf<{
      total: number
      facets: Record<string, Record<string, number> | null>
      page:
        | {
            id: string
            caption_nl: string | null
            caption_en: string | null
            alt_nl: string | null
            alt_en: string | null
            tags: string[]
            tags_en: string[]
            series: string | null
            credit: string
          }[]
        | null
    }>(
      await this.db.execute(sql`
        with c as materialized (${candidates})${sql.join(others, sql``)},
        p as (
          select c.photo_id, row_number() over (order by ${rank} desc, c.published_at desc, c.photo_id desc) as ord from c
          order by ord
          limit ${limit + 1} offset ${offset}
        )
        select
          (select count(*)::int from c) as total,
          jsonb_build_object(
            'use', (select jsonb_object_agg(v, n) from (select u as v, count(*) as n from ${from('use')} c, unnest(c.uses) u group by u) x),
            'orientation', (select jsonb_object_agg(v, n) from (select orientation as v, count(*) as n from ${from('orientation')} c group by 1) x),
            'colour', (select jsonb_object_agg(v, n) from (select colour as v, count(*) as n from ${from('colour')} c where colour is not null group by 1) x),
            'series', (select jsonb_object_agg(v, n) from (select series as v, count(*) as n from ${from('series')} c where series is not null group by 1) x),
            'collection', (select jsonb_object_agg(v, n) from (select k::text as v, count(*) as n from ${from('collection')} c, unnest(c.collections) k group by k) x),
            'photographer', (select jsonb_object_agg(v, n) from (select photographer_id::text as v, count(*) as n from ${from('photographer')} c group by 1) x)
          ) as facets,
          (select jsonb_agg(jsonb_build_object('id', d.photo_id, 'caption_nl', d.caption_nl, 'caption_en', d.caption_en, 'alt_nl', d.alt_nl,
                  'alt_en', d.alt_en, 'tags', d.tags, 'tags_en', d.tags_en, 'series', d.series, 'credit', d.credit) order by p.ord)
             from p join search_documents d on d.photo_id = p.photo_id) as page`),
    )
    const row = rows[0]!
    const page = row.page ?? []
    const more = page.length > limit
    const terms = built?.terms ?? []
    const marked = new Map<string, string | null>()
    const hits: SearchHit[] = page.slice(0, limit).map((d) => ({ id: d.id, highlights: highlights(d, terms, query.lang, marked) }))
    const facets = Object.fromEntries(FACETS.map((f) => [f, numbers(row.facets[f])])) as Record<Facet, Record<string, number>>
    return { hits, facets, total: row.total, nextCursor: more && offset + limit < CANDIDATES ? encodeCursor({ o: offset + limit }) : null }
  }
}

function numbers(o: Record<string, number> | null | undefined): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [k, v] of Object.entries(o ?? {})) out[k] = Number(v)
  return out
}

/** One text marked (highlight()), through the page's memo when there is one. */
function marked(x: string | null, terms: string[], memo: Map<string, string | null> | undefined): string | null {
  if (!x || !memo) return highlight(x, terms)
  let h = memo.get(x)
  if (h === undefined) memo.set(x, (h = highlight(x, terms)))
  return h
}

export function highlights(
  d: {
    caption_nl: string | null
    caption_en: string | null
    alt_nl: string | null
    alt_en: string | null
    tags: string[]
    tags_en: string[]
    series: string | null
    credit: string
  },
  terms: string[],
  lang?: 'nl' | 'en',
  /**
   * Texts already marked for these same `terms` (one page of hits: photos of one series or shoot often share
   * their texts, and each is marked once). Only ever pass a map made for this list of terms.
   */
  memo?: Map<string, string | null>,
): SearchHit['highlights'] {
  if (terms.length === 0) return {}
  const en = lang === 'en'
  // The query's language first, else the other's. Keywords: those of the query's language that match, else
  // the other language's (as the caption); the second list is joined only when the first has no match.
  const caption = marked(en ? d.caption_en : d.caption_nl, terms, memo) ?? marked(en ? d.caption_nl : d.caption_en, terms, memo)
  const alt = marked(en ? d.alt_en : d.alt_nl, terms, memo) ?? marked(en ? d.alt_nl : d.alt_en, terms, memo)
  const tags = marked((en ? d.tags_en : d.tags).join(', '), terms, memo) ?? marked((en ? d.tags : d.tags_en).join(', '), terms, memo)
  const series = marked(d.series, terms, memo)
  const credit = marked(d.credit, terms, memo)
  const out: SearchHit['highlights'] = {}
  if (caption) out.caption = caption
  if (alt) out.alt = alt
  if (tags) out.tags = tags
  if (series) out.series = series
  if (credit) out.credit = credit
  return out
}
