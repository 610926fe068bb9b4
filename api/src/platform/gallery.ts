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
 */
import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifySchema } from 'fastify'
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

export async function galleryRoutes(app: FastifyInstance, opts: { webDir: string; origin: string; publicPhoto?: (id: string) => Promise<PublicPhoto | null> }) {
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
    return reply.header('cache-control', 'no-cache').sendFile('index.html')
  })
}
