import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorsPlugin } from '../../api/src/platform/errors.ts'
import { builtAssetUrls, firstSearchQuery, galleryRoutes, imagePreloads, inlineStylesheet, type PublicPhoto } from '../../api/src/platform/gallery.ts'

// The gallery's serving rules on a throwaway web directory (a built one and an unbuilt one), so the test
// doesn't depend on whether `npm run build` ran.
const STYLES = '.photo-grid{display:flex}'

function webDir(built: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-web-'))
  const head =
    '<!doctype html><html><head><title>gallery</title><script type="module" src="/assets/index-abc.js"></script>' +
    '<link rel="stylesheet" crossorigin href="/assets/index-abc.css"><link rel="modulepreload" crossorigin href="/assets/start-abc.js"></head>' +
    '<body><div id="root"></div></body></html>'
  fs.mkdirSync(path.join(dir, 'placeholder'))
  fs.writeFileSync(path.join(dir, 'placeholder/index.html'), '<!doctype html><title>placeholder</title>')
  if (built) {
    fs.mkdirSync(path.join(dir, 'dist/assets'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'dist/index.html'), head)
    fs.writeFileSync(path.join(dir, 'dist/assets/index-abc.js'), 'console.log(1)')
    fs.writeFileSync(path.join(dir, 'dist/assets/index-abc.css'), STYLES)
    fs.writeFileSync(path.join(dir, 'dist/assets/start-abc.js'), 'export const start = 1')
  }
  return dir
}

const PHOTO_ID = '8d3c3e0e-6f7a-4c3e-9d35-2b8f0b5b2d11'
const HIDDEN_ID = '1b7e4a52-55aa-4b8e-8f0c-6b0e2b7c9a10'
const photo: PublicPhoto = {
  id: PHOTO_ID,
  width: 2000,
  height: 1500,
  caption: { nl: 'Een fietser op de brug </script><script>alert(1)</script>', en: 'A cyclist' },
  alt: { nl: 'Een fietser', en: 'A cyclist' },
  credit: 'Sam V.',
  licence: 'rsw-editorial@1.0',
  licenceUrl: 'https://eerlijkbeeld.nl/licenties/rsw-editorial/1.0',
  publishedAt: '2026-11-01T10:00:00.000Z',
  attribution: { nl: { text: 'Foto: Sam V. / Reimagining Sex Work via Eerlijk Beeld (RSW-redactielicentie 1.0)' } },
  derivatives: [
    { preset: 'thumb', format: 'jpeg', width: 320, height: 240, url: `/v1/photos/${PHOTO_ID}/media/thumb.jpeg?v=a` },
    { preset: 'small', format: 'jpeg', width: 640, height: 480, url: `/v1/photos/${PHOTO_ID}/media/small.jpeg?v=b` },
    { preset: 'small', format: 'webp', width: 640, height: 480, url: `/v1/photos/${PHOTO_ID}/media/small.webp?v=c` },
  ],
}
const asked: string[] = []
const publicPhoto = async (id: string) => {
  asked.push(id)
  if (id === PHOTO_ID) return photo
  // What photos.get(id, null) does for a photo anonymous visitors may not see.
  throw new Error('not visible')
}

async function appFor(dir: string) {
  const app = Fastify()
  await app.register(errorsPlugin)
  app.get('/v1/known', async () => ({ ok: true }))
  await app.register(galleryRoutes, { webDir: dir, origin: 'https://beeld.example', publicPhoto })
  await app.ready()
  return app
}

describe('the built gallery', () => {
  let dir: string
  let app: FastifyInstance
  beforeAll(async () => {
    dir = webDir(true)
    app = await appFor(dir)
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it.each(['/', '/photos/8d3c3e0e-6f7a-4c3e-9d35-2b8f0b5b2d11', '/portal', '/collections/abc/edit', '/login?next=%2Freview'])(
    'answers %s with index.html, never cached',
    async (url) => {
      const r = await app.inject({ url })
      expect(r.statusCode).toBe(200)
      expect(r.headers['content-type']).toMatch(/text\/html/)
      expect(r.body).toContain('<title>gallery</title>')
      expect(r.headers['cache-control']).toBe('no-cache')
    },
  )

  it('puts the ImageObject of a publicly visible photo into its page, for crawlers without JavaScript', async () => {
    // A forged Host changes nothing: the links are PUBLIC_URL's (issue 16).
    const r = await app.inject({ url: `/photos/${PHOTO_ID}`, headers: { host: 'evil.example' } })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toMatch(/text\/html/)
    const m = /<script type="application\/ld\+json" id="server-jsonld">([\s\S]*?)<\/script>\s*<\/head>/.exec(r.body)
    expect(m).not.toBeNull()
    // The caption's '</script>' cannot end the element: every '<' is escaped inside it.
    expect(m![1]).not.toContain('<')
    const ld = JSON.parse(m![1]!) as Record<string, unknown>
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ImageObject',
      creator: { '@type': 'Person', name: 'Sam V.' },
      creditText: 'Sam V. / Eerlijk Beeld',
      copyrightNotice: '© 2026 Sam V.',
      // The served image's own size, not the original's (2000×1500).
      width: 640,
      height: 480,
      license: 'https://eerlijkbeeld.nl/licenties/rsw-editorial/1.0',
      acquireLicensePage: `https://beeld.example/photos/${PHOTO_ID}`,
      contentUrl: `https://beeld.example/v1/photos/${PHOTO_ID}/media/small.jpeg?v=b`,
    })
    expect(ld.caption).toBe(photo.caption.nl)
    // oEmbed discovery (oembed.com §4) in the page's head.
    expect(r.body).toContain(
      `<link rel="alternate" type="application/json+oembed" href="https://beeld.example/v1/oembed?url=${encodeURIComponent(`https://beeld.example/photos/${PHOTO_ID}`)}&amp;format=json"`,
    )
    expect(r.body).toContain('<script type="module" src="/assets/index-abc.js"></script>')
  })

  it('gives a photo anonymous visitors may not see (or a malformed id) the plain page', async () => {
    asked.length = 0
    for (const url of [`/photos/${HIDDEN_ID}`, '/photos/not-a-uuid', `/photos/${PHOTO_ID}/extra`]) {
      const r = await app.inject({ url })
      expect(r.statusCode).toBe(200)
      expect(r.body).not.toContain('application/ld+json')
    }
    expect(asked).toEqual([HIDDEN_ID])
  })

  it('serves hashed assets with a year-long immutable cache', async () => {
    const r = await app.inject({ url: '/assets/index-abc.js' })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toMatch(/javascript/)
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it.each(['/v1/unknown', '/v1', '/healthz/x', '/readyz', '/docs/nothing', '/embed/8d3c3e0e-6f7a-4c3e-9d35-2b8f0b5b2d11', '/v1/known/more?x=1'])(
    'never answers the API path %s with the gallery: a problem+json 404',
    async (url) => {
      const r = await app.inject({ url })
      expect(r.statusCode).toBe(404)
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(r.body).not.toContain('<title>gallery</title>')
    },
  )

  it('leaves real API routes alone and refuses writes to gallery paths', async () => {
    expect((await app.inject({ url: '/v1/known' })).json()).toEqual({ ok: true })
    const post = await app.inject({ method: 'POST', url: '/photos/x' })
    expect(post.statusCode).toBe(404)
    expect(post.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('does not serve files outside web/dist', async () => {
    for (const url of ['/../placeholder/index.html', '/%2e%2e/placeholder/index.html', '/assets/..%2f..%2fplaceholder/index.html']) {
      const r = await app.inject({ url })
      expect(r.body).not.toContain('placeholder')
    }
  })
})

describe('the search page with its first results (issue 17)', () => {
  const hit = (n: number, formats: string[]) => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    caption: { nl: `Foto ${n} </script><script>alert(1)</script><!--`, en: null },
    alt: { nl: `Foto "${n}" <img src=x onerror=alert(1)>`, en: 'A photo' },
    credit: `Fotograaf <b>${n}</b> / CC BY 4.0`,
    width: 4000,
    height: 3000,
    previews: ['thumb', 'small', 'medium', 'large'].flatMap((preset, i) =>
      formats.map((format) => ({ preset, format, width: 320 * 2 ** i, height: 240 * 2 ** i, url: `/v1/photos/${n}/media/${preset}.${format}?v=1&x="y"` })),
    ),
  })
  const answer = { hits: [hit(1, ['jpeg', 'webp', 'avif']), ...Array.from({ length: 8 }, (_, i) => hit(i + 2, ['jpeg', 'webp']))], total: 9 }
  let dir: string
  let app: FastifyInstance
  const asked: { query: string; ip: string }[] = []
  let reply: () => Promise<string | null> = async () => JSON.stringify(answer)
  beforeAll(async () => {
    dir = webDir(true)
    app = Fastify()
    await app.register(errorsPlugin)
    await app.register(galleryRoutes, {
      webDir: dir,
      origin: 'https://beeld.example',
      firstSearch: (query, ip) => (asked.push({ query, ip }), reply()),
    })
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  const block = (body: string) => /<script type="application\/json" id="first-search">([\s\S]*?)<\/script>/.exec(body)?.[1]

  it('asks the search the gallery makes first for the URL: trimmed query, Dutch, its page size, its filters only', () => {
    expect(firstSearchQuery('/')).toBe('lang=nl&limit=24')
    expect(firstSearchQuery('/?q=%20fiets%20&colour=red&debug=1&collection=&orientation=landscape')).toBe(
      'q=fiets&lang=nl&limit=24&orientation=landscape&colour=red',
    )
  })

  it('puts the answer into the HTML as data nothing in a caption can break out of, never stored', async () => {
    asked.length = 0
    const r = await app.inject({ url: '/?q=fiets', remoteAddress: '192.0.2.7' })
    expect(asked).toEqual([{ query: 'q=fiets&lang=nl&limit=24', ip: '192.0.2.7' }])
    expect(r.headers['cache-control']).toBe('no-store')
    const data = block(r.body)
    expect(data).toBeDefined()
    // No '<' inside: no '</script>' nor '<!--' from a caption ends or changes the element.
    expect(data).not.toContain('<')
    expect(JSON.parse(data!)).toEqual({ query: 'q=fiets&lang=nl&limit=24', answer })
    expect(r.body.match(/<script/g)).toHaveLength(2) // the app's own and the data block: nothing injected
    expect(r.body).toContain('<script type="module" fetchpriority="low" src="/assets/index-abc.js"></script>')
    // The same hits as grid markup in the root: captions, alt texts and credits as text, never as markup.
    expect(r.body).toContain('<span class="tile-caption result-caption">Foto 1 &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--</span>')
    expect(r.body).toContain('alt="Foto &quot;1&quot; &lt;img src=x onerror=alert(1)&gt;"')
    expect(r.body).toContain('<span class="tile-credit result-credit">Fotograaf &lt;b&gt;1&lt;/b&gt;</span>')
    expect(r.body.match(/<img /g)).toHaveLength(answer.hits.length)
    // Each decodes off the frame, as the gallery's <Picture>: no image holds up the paint of the others.
    expect(r.body.match(/<img [^>]*decoding="async"/g)).toHaveLength(answer.hits.length)
    expect(r.body).not.toContain('<b>')
  })

  it('a search page paints without the app: its stylesheet inline, the data after the grid, the app chunk not preloaded', async () => {
    const r = await app.inject({ url: '/?q=fiets' })
    expect(r.body).toContain(`<style>${STYLES}</style>`)
    expect(r.body).not.toContain('<link rel="stylesheet"')
    expect(r.body).not.toContain('modulepreload')
    // The entry (it waits for the photos, then loads the app) stays, behind the photos.
    expect(r.body).toContain('<script type="module" fetchpriority="low" src="/assets/index-abc.js"></script>')
    const grid = r.body.indexOf('<main class="first-results">')
    expect(grid).toBeGreaterThan(r.body.indexOf('</head>'))
    expect(r.body.indexOf('id="first-search"')).toBeGreaterThan(grid)
    // The front page (no grid in its markup) and every other page keep the linked stylesheet and the preload.
    for (const url of ['/', '/portal']) {
      const other = await app.inject({ url })
      expect(other.body).toContain('<link rel="stylesheet" crossorigin href="/assets/index-abc.css">')
      expect(other.body).toContain('<link rel="modulepreload" crossorigin href="/assets/start-abc.js">')
      expect(other.body).not.toContain('<style>')
    }
  })

  it("lists the built files' URLs (for the rate limit to leave out), without the precompressed copies", () => {
    const dir = webDir(true)
    try {
      fs.writeFileSync(path.join(dir, 'dist/assets/index-abc.js.br'), 'x')
      fs.writeFileSync(path.join(dir, 'dist/assets/index-abc.js.gz'), 'x')
      fs.mkdirSync(path.join(dir, 'dist/assets/sub'))
      expect([...builtAssetUrls(dir)].sort()).toEqual(['/assets/index-abc.css', '/assets/index-abc.js', '/assets/start-abc.js'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    const unbuilt = webDir(false)
    try {
      expect(builtAssetUrls(unbuilt).size).toBe(0)
    } finally {
      fs.rmSync(unbuilt, { recursive: true, force: true })
    }
  })

  it('keeps the linked stylesheet when inlining could break the page (a "</style" inside) or there is none', () => {
    const dir = webDir(true)
    try {
      const html = fs.readFileSync(path.join(dir, 'dist/index.html'), 'utf8')
      fs.writeFileSync(path.join(dir, 'dist/assets/index-abc.css'), 'a::after{content:"</style>"}')
      expect(inlineStylesheet(html, path.join(dir, 'dist'))).toBe(html)
      fs.rmSync(path.join(dir, 'dist/assets/index-abc.css'))
      expect(inlineStylesheet(html, path.join(dir, 'dist'))).toBe(html)
      expect(inlineStylesheet('<head></head>', path.join(dir, 'dist'))).toBe('<head></head>')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('preloads the first six grid images in the format <picture> picks, with its srcset and sizes', async () => {
    const r = await app.inject({ url: '/?q=fiets' })
    const links = r.body.match(/<link rel="preload" as="image"[^>]*>/g) ?? []
    expect(links).toHaveLength(6)
    // AVIF where there is one, else WebP; thumb, small and medium only; attribute values escaped.
    expect(links[0]).toBe(
      '<link rel="preload" as="image" imagesrcset="/v1/photos/1/media/thumb.avif?v=1&amp;x=&quot;y&quot; 320w, /v1/photos/1/media/small.avif?v=1&amp;x=&quot;y&quot; 640w, /v1/photos/1/media/medium.avif?v=1&amp;x=&quot;y&quot; 1280w" imagesizes="(min-width: 72rem) 600px, (min-width: 40rem) 480px, 80vw" type="image/avif" fetchpriority="high">',
    )
    expect(links[1]).toContain('type="image/webp"')
    expect(links.join('')).not.toContain('large')
  })

  it('on the front page (no query) preloads the three hero images at their size', () => {
    const links = imagePreloads(answer.hits, true)
    expect(links).toHaveLength(3)
    expect(links[0]).toContain('imagesizes="22rem"')
    expect(links[0]).not.toContain('thumb')
  })

  it('gives the plain page to a visitor with a session or a key, and when the search fails or refuses', async () => {
    asked.length = 0
    for (const headers of [{ cookie: 'eb_session=abc' }, { cookie: 'x=1; eb_session=abc' }, { authorization: 'Bearer ebk_x' }]) {
      const r = await app.inject({ url: '/?q=fiets', headers })
      expect(block(r.body)).toBeUndefined()
      expect(r.headers['cache-control']).toBe('no-cache')
    }
    expect(asked).toEqual([])
    for (const failing of [async () => null, async () => Promise.reject(new Error('down'))]) {
      reply = failing
      const r = await app.inject({ url: '/?q=fiets' })
      expect(r.statusCode).toBe(200)
      expect(block(r.body)).toBeUndefined()
      expect(r.body).toContain('<title>gallery</title>')
    }
    reply = async () => JSON.stringify(answer)
    // Only the search page: other gallery paths never ask.
    asked.length = 0
    await app.inject({ url: '/login?q=fiets' })
    await app.inject({ url: '/portal' })
    expect(asked).toEqual([])
  })
})

describe('without a build', () => {
  it('serves the placeholder page at / and 404 problems elsewhere', async () => {
    const dir = webDir(false)
    const app = await appFor(dir)
    try {
      const r = await app.inject({ url: '/' })
      expect(r.statusCode).toBe(200)
      expect(r.body).toContain('<title>placeholder</title>')
      const other = await app.inject({ url: '/photos/x' })
      expect(other.statusCode).toBe(404)
    } finally {
      await app.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
