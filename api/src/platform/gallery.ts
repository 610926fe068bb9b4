/**
 * The gallery (web/dist, built by Vite) on the API's port. Hashed assets are cached for a year; index.html
 * never (it names the current hashes). Any other GET that is not an API path answers index.html, so the
 * gallery's own router decides (/photos/:id, /portal, …); API paths keep their problem+json 404.
 * Without a build (tests, `node api/src/server.ts` directly) the placeholder page stands in.
 *
 * A photo page (/photos/:id) that anonymous visitors may see also gets its schema.org ImageObject in the
 * HTML itself, so crawlers that don't run JavaScript still see the photo as licensable. It is data
 * (type application/ld+json), which the CSP's script-src does not govern; the gallery replaces it with
 * its own when it renders the page.
 *
 * The search page (/, /?q=…) asked for by an anonymous visitor gets the first page of its results in the
 * HTML (firstSearch: GET /v1/search answered in-process, so the same route, consent gate and answer cache),
 * as a JSON data block the gallery reads instead of asking again, plus preload links for the first images,
 * so the photos load while the script does instead of after script → search → images. For a search (a
 * query or a filter), the same hits are also written into the app's root as plain markup (firstGrid), so
 * the photos paint as soon as the HTML and their bytes are in: that page carries the stylesheet inline
 * (inlineStylesheet), its data block after the grid, and no preload of the app's code (scriptsAfterPhotos),
 * which web/src/main.tsx loads once the photos are on screen; the gallery's first render replaces the
 * markup (React's createRoot empties the root), drawing the same images from the browser's cache. Such a page holds
 * photos, so it is never stored (no-store, also not for back/forward): a withdrawn photo never comes back
 * from a kept copy. A visitor with a session gets the plain page (their own search may show more).
 */
import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifySchema } from 'fastify'
import { GRID_EAGER, GRID_PRESETS, GRID_SIZES, HERO_COUNT, HERO_PRESETS, HERO_SIZES } from '../../../contract/grid.ts'
import { problems } from './problems.ts'
import { safePath } from './logger.ts'

/** Paths the gallery never answers: they belong to the API (or will), and an unknown one is a 404 problem. */
const NOT_GALLERY = /^\/(v1|healthz|readyz|docs|embed)(\/|$|\?)/

const PHOTO_PAGE = /^\/photos\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?(\?|$)/i

/** What the ImageObject needs from a photo as anonymous visitors may see it (GET /v1/photos/:id's view). */
export interface PublicPhoto {
  id: string
  width: number
  height: number
  caption: { nl: string | null; en: string | null }
  alt: { nl: string | null; en: string | null }
  credit: string
  licence: string
  licenceUrl: string | null
  publishedAt: string | null
  attribution: { nl: { text: string } } | null
  derivatives: { preset: string; format: string; width: number; height: number; url: string }[]
}

/**
 * schema.org ImageObject with Google's licensable-image fields (creator, creditText, copyrightNotice,
 * license, acquireLicensePage). Width and height are those of the image it names (contentUrl), never the
 * original's; the creator is the photographer's public name; the licence is its deed.
 */
export function imageObject(photo: PublicPhoto, origin: string) {
  const best = photo.derivatives.filter((d) => d.format === 'jpeg').sort((a, b) => b.width - a.width)[0]
  const caption = photo.caption.nl ?? photo.caption.en ?? undefined
  const year = (photo.publishedAt ?? '').slice(0, 4)
  return {
    '@context': 'https://schema.org',
    '@type': 'ImageObject',
    name: caption,
    caption,
    description: photo.alt.nl ?? photo.alt.en ?? undefined,
    contentUrl: best ? new URL(best.url, origin).href : undefined,
    width: best?.width,
    height: best?.height,
    creator: { '@type': 'Person', name: photo.credit },
    creditText: `${photo.credit} / Eerlijk Beeld`,
    copyrightNotice: `© ${year ? `${year} ` : ''}${photo.credit}`,
    license: photo.licenceUrl ?? undefined,
    acquireLicensePage: `${origin}/photos/${photo.id}`,
    datePublished: photo.publishedAt ?? undefined,
  }
}

/** oEmbed discovery (https://oembed.com, section 4): the photo page names its oEmbed endpoint. */
export function oembedLink(photoId: string, origin: string): string {
  const href = `${origin}/v1/oembed?url=${encodeURIComponent(`${origin}/photos/${photoId}`)}&format=json`
  return `<link rel="alternate" type="application/json+oembed" href="${href.replace(/&/g, '&amp;')}" title="Eerlijk Beeld">`
}

/** JSON for inside <script>: no '<' survives, so no '</script>' can close the element early. */
const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')

/** The search page's own first request (web/src/pages/journalist/SearchPage.tsx: PAGE_SIZE, FILTERS). */
const FIRST_PAGE_SIZE = 24
const SEARCH_FILTERS = ['use', 'orientation', 'colour', 'series', 'collection'] as const
const SEARCH_PAGE = /^\/(\?|$)/
/** The app's root element in index.html: the first grid goes inside it. */
const ROOT = '<div id="root">'
/** The gallery's stylesheet as Vite links it in index.html (web/src/styles.css and what it imports). */
const STYLESHEET = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[^"]+\.css)">/

/**
 * index.html with the gallery's stylesheet in a <style> element instead of its <link> (the CSP's style-src
 * allows inline styles), for the page with the first grid in its markup: a linked stylesheet holds up the
 * first paint until it has arrived, fetched beside the photos from the same server, so the photos could not
 * paint as soon as their bytes are in. The same rules, so the gallery's own render looks the same. Without
 * a linked stylesheet (or with one that could close the element early) the page stays as it is.
 */
export function inlineStylesheet(indexHtml: string, dist: string): string {
  const m = STYLESHEET.exec(indexHtml)
  if (!m) return indexHtml
  const file = path.join(dist, m[1]!)
  const css = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null
  if (css === null || /<\/style/i.test(css)) return indexHtml
  return indexHtml.replace(m[0], () => `<style>${css}</style>`)
}

/**
 * index.html without its module preloads (the app's own chunk, web/vite.config.ts), for the page with the
 * first grid in its markup: its photos paint before the app runs (web/src/main.tsx waits for them), so the
 * app's code is fetched and compiled only then, not beside the photos from the same server and on the same
 * main thread. The entry script (about a kilobyte) stays, at low priority behind the photos: it is what waits.
 */
export function scriptsAfterPhotos(indexHtml: string): string {
  return indexHtml
    .replace(/[ \t]*<link rel="modulepreload"[^>]*>\n?/g, '')
    .replace(/<script type="module"(?![^>]*fetchpriority)/g, '<script type="module" fetchpriority="low"')
}
/** Longest the page waits for its first results; then it goes without them and the gallery asks itself. */
const FIRST_SEARCH_BUDGET_MS = 1000

/**
 * The query string of the /v1/search request the search page makes first for this URL, in the language it
 * starts in (Dutch; a visitor who chose English asks again). The gallery uses the embedded answer only when
 * its own request has exactly these parameters.
 */
export function firstSearchQuery(url: string): string {
  const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '')
  const p = new URLSearchParams()
  const q = (query.get('q') ?? '').trim()
  if (q) p.set('q', q)
  p.set('lang', 'nl')
  p.set('limit', String(FIRST_PAGE_SIZE))
  for (const f of SEARCH_FILTERS) if (query.get(f)) p.set(f, query.get(f)!)
  return p.toString()
}

/** What the preload links and the first grid need of a hit (GET /v1/search's hits). */
interface FirstHit extends Pick<PublicPhoto, 'id' | 'width' | 'height' | 'caption' | 'alt' | 'credit'> {
  previews: { preset: string; format: string; width: number; url: string }[]
}
const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const text = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const MIME: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' }

/** A hit's previews for the grid, by format in the order <picture> offers them (avif, webp, jpeg). */
function gridSources(hit: Pick<FirstHit, 'previews'>, presets: readonly string[]) {
  const chosen = hit.previews.filter((p) => presets.includes(p.preset))
  const usable = chosen.length ? chosen : hit.previews
  return ['avif', 'webp', 'jpeg']
    .map((format) => ({ format, previews: usable.filter((p) => p.format === format).sort((a, b) => a.width - b.width) }))
    .filter((f) => f.previews.length > 0)
}
const srcsetOf = (previews: { width: number; url: string }[]) => previews.map((p) => `${p.url} ${p.width}w`).join(', ')

/**
 * <link rel=preload as=image> for the images the page shows first, with the srcset and sizes the gallery's
 * <Picture> gives them (web/src/components/Picture.tsx; PhotoGrid's GRID_SIZES, Landing's HeroMosaic), so
 * the browser picks the same file and uses the preloaded one: the first source <picture> offers (avif,
 * then webp, then jpeg), with its type so a browser without that format skips the preload. For a search the
 * first grid is in the markup, so its first images can paint before the script runs: fetched at high
 * priority. The landing's mosaic paints only once the script has drawn it, so its images go at low priority,
 * not holding up the script and its styles (test/e2e/first-paint.e2e.ts measures both ways).
 */
export function imagePreloads(hits: Pick<FirstHit, 'previews'>[], landing: boolean): string[] {
  const [count, presets, sizes] = landing ? [HERO_COUNT, HERO_PRESETS, HERO_SIZES] : [GRID_EAGER, GRID_PRESETS, GRID_SIZES]
  return hits.slice(0, count).flatMap((hit) => {
    const first = gridSources(hit, presets)[0]
    if (!first) return []
    // With the first grid in the markup (a search), the images can paint before the script: fetched first.
    const priority = landing ? 'low' : 'high'
    return [
      `<link rel="preload" as="image" imagesrcset="${attr(srcsetOf(first.previews))}" imagesizes="${attr(sizes)}" type="${MIME[first.format]}" fetchpriority="${priority}">`,
    ]
  })
}

/**
 * The first results as plain markup for inside the app's root: the grid PhotoGrid draws before it has
 * measured its width (styles.css lays it out: .photo-grid, --ar), each tile a link to its photo with the
 * same <picture> (sources, srcset, sizes) as Picture.tsx and the alt text in Dutch first, then English,
 * then the caption. Every field is escaped: captions and credits are user text. Each image decodes off the
 * frame (decoding="async", as Picture.tsx): without it Chromium held the first frame until all six eager
 * images were decoded (~100 ms of AVIF decoding on two cores), so the largest one painted last; now each
 * paints when its own decode is done.
 */
export function firstGrid(hits: FirstHit[]): string {
  const pick = (pair: { nl: string | null; en: string | null }) => pair.nl || pair.en || ''
  const tiles = hits.map((hit, i) => {
    const caption = pick(hit.caption)
    const alt = pick(hit.alt) || caption
    const ratio = hit.width > 0 && hit.height > 0 ? hit.width / hit.height : 1
    const sources = gridSources(hit, GRID_PRESETS)
    const fallback = sources.find((f) => f.format === 'jpeg') ?? sources[0]
    const eager = i < GRID_EAGER
    const picture = fallback
      ? `<picture>${sources
          .filter((f) => f !== fallback)
          .map((f) => `<source type="${MIME[f.format]}" srcset="${attr(srcsetOf(f.previews))}" sizes="${attr(GRID_SIZES)}">`)
          .join(
            '',
          )}<img src="${attr(fallback.previews[0]!.url)}" srcset="${attr(srcsetOf(fallback.previews))}" sizes="${attr(GRID_SIZES)}" alt="${attr(alt)}" width="${hit.width}" height="${hit.height}" loading="${eager ? 'eager' : 'lazy'}" decoding="async"${eager ? ' fetchpriority="high"' : ''}></picture>`
      : `<div role="img" aria-label="${attr(alt)}" class="no-preview"></div>`
    const credit = hit.credit.split(' / ')[0]!.trim()
    return (
      `<li style="--ar:${ratio.toFixed(4)}"><a href="/photos/${attr(hit.id)}" class="tile result">` +
      `<div class="picture" style="aspect-ratio:${hit.width} / ${hit.height}">${picture}</div>` +
      `<span class="tile-caption result-caption">${text(caption)}</span><span class="tile-credit result-credit">${text(credit)}</span></a></li>`
    )
  })
  return `<main class="first-results"><div class="photo-grid-box"><ul class="photo-grid results">${tiles.join('')}</ul></div></main>`
}

/**
 * The URL paths of the gallery's built files (web/dist/assets, content-hashed by vite: public, immutable),
 * without the precompressed copies (.br, .gz: the same URL, negotiated). Empty when the gallery is not built.
 */
export function builtAssetUrls(webDir: string): Set<string> {
  const dir = path.join(webDir, 'dist', 'assets')
  if (!fs.existsSync(path.join(webDir, 'dist', 'index.html')) || !fs.existsSync(dir)) return new Set()
  return new Set(
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
      .map((e) => `/assets/${e.name}`),
  )
}

export async function galleryRoutes(
  app: FastifyInstance,
  opts: {
    webDir: string
    origin: string
    publicPhoto?: (id: string) => Promise<PublicPhoto | null>
    /** GET /v1/search?<query> as an anonymous visitor from this address: the JSON answer, or null. */
    firstSearch?: (query: string, ip: string) => Promise<string | null>
  },
) {
  const dist = path.join(opts.webDir, 'dist')
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.join(opts.webDir, 'placeholder'), prefix: '/', wildcard: false, index: ['index.html'] })
    return
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: false,
    // The .br and .gz files made at build time (web/scripts/precompress.mjs), when the client accepts them.
    preCompressed: true,
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  // Hidden from the OpenAPI document (@fastify/swagger reads schema.hide): it is not part of the API.
  const indexHtml = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
  const gridHtml = scriptsAfterPhotos(inlineStylesheet(indexHtml, dist))
  app.get('/*', { schema: { hide: true } as FastifySchema }, async (request, reply) => {
    if (NOT_GALLERY.test(request.url)) throw problems.notFound(`No route for ${request.method} ${safePath(request.url)}.`)
    const photoId = PHOTO_PAGE.exec(request.url)?.[1]
    if (photoId && opts.publicPhoto) {
      // Asked as an anonymous visitor, through the consent gate: nothing here that the API wouldn't show.
      const photo = await opts.publicPhoto(photoId.toLowerCase()).catch(() => null)
      if (photo) {
        // PUBLIC_URL (config.origin), never the request's Host: the page is the photo's canonical description.
        const ld = `<script type="application/ld+json" id="server-jsonld">${scriptSafeJson(imageObject(photo, opts.origin))}</script>`
        return reply
          .header('cache-control', 'no-cache')
          .type('text/html; charset=utf-8')
          .send(indexHtml.replace('</head>', `    ${oembedLink(photo.id, opts.origin)}\n    ${ld}\n  </head>`))
      }
    }
    if (SEARCH_PAGE.test(request.url) && opts.firstSearch && !request.headers.authorization && !/(^|;)\s*eb_session=/.test(request.headers.cookie ?? '')) {
      const query = firstSearchQuery(request.url)
      let timer: NodeJS.Timeout | undefined
      const budget = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), FIRST_SEARCH_BUDGET_MS)))
      const answer = await Promise.race([opts.firstSearch(query, request.ip).catch(() => null), budget])
      clearTimeout(timer)
      if (answer) {
        const q = new URLSearchParams(query)
        const landing = !q.get('q') && !SEARCH_FILTERS.some((f) => q.get(f))
        const parsed = JSON.parse(answer) as { hits: FirstHit[] }
        const preloads = imagePreloads(parsed.hits, landing)
        // The answer is JSON text already; only made safe for inside <script> (no '<' survives).
        const data = `<script type="application/json" id="first-search">${scriptSafeJson({ query, answer: parsed })}</script>`
        // The image preloads ahead of the script and styles, so the photos are asked for (and served) first.
        // A search (not the landing) has its first grid in the markup, with the styles inline (inlineStylesheet).
        const html = landing ? indexHtml : gridHtml
        const withPreloads = preloads.length ? html.replace('<title>', `${preloads.join('\n    ')}\n    <title>`) : html
        // The data at the end of the body, read by the gallery once the document is parsed: the parser reaches
        // the first grid (and the browser paints it) without working through the data first.
        const page = withPreloads.replace('</body>', `  ${data}\n  </body>`)
        return reply
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(landing ? page : page.replace(ROOT, `${ROOT}${firstGrid(parsed.hits)}`))
      }
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html')
  })
}

/** firstSearch for galleryRoutes: the app's own GET /v1/search, in-process, as an anonymous caller from `ip`. */
export function searchInProcess(app: FastifyInstance) {
  return async (query: string, ip: string): Promise<string | null> => {
    const r = await app.inject({ method: 'GET', url: `/v1/search?${query}`, remoteAddress: ip, headers: { accept: 'application/json' } })
    return r.statusCode === 200 ? r.body : null
  }
}
