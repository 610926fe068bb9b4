import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { GRID_PRESETS, GRID_SIZES } from '../../contract/grid.ts'
import { launchBrowser, newContext, watchPage } from './support/browser.ts'
import { startGallery, type Gallery } from './support/gallery.ts'

// The search page's first paint (issue 17). Its first HTML carries the first page of results (as GET
// /v1/search answers an anonymous visitor) as data for the gallery and as plain grid markup in the app's
// root, and preloads the first images, so the photos paint before the script has run. Measured here in Chromium on loopback, several fresh visits each: its largest contentful
// paint next to a static page showing the same results with the same images (built below from the same
// /v1/search answer, sent with the gallery's own response headers), and the bytes on the wire of a first visit. The figures are printed, never asserted
// (speed belongs in benchmarks); what is asserted is what makes them possible.
const QUERY = 'sekswerker'
const RUNS = 15
const VIEWPORT = { width: 1366, height: 900 }

interface Preview {
  preset: string
  format: string
  width: number
  height: number
  url: string
}
interface Hit {
  id: string
  width: number
  height: number
  alt: { nl: string | null; en: string | null }
  previews: Preview[]
}

function firstSearch(html: string): { query: string; answer: { hits: Hit[]; total: number } } | null {
  const m = /<script type="application\/json" id="first-search">([^<]*)<\/script>/.exec(html)
  return m ? JSON.parse(m[1]!) : null
}

/** The same results as a page without any script: the grid's <picture> elements, in plain HTML. */
function staticPage(hits: Hit[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  const srcset = (ps: Preview[]) =>
    esc(
      [...ps]
        .sort((a, b) => a.width - b.width)
        .map((p) => `${p.url} ${p.width}w`)
        .join(', '),
    )
  const tiles = hits.map((h) => {
    const ps = h.previews.filter((p) => (GRID_PRESETS as readonly string[]).includes(p.preset))
    const of = (f: string) => ps.filter((p) => p.format === f)
    const jpeg = of('jpeg')
    const sources = ['avif', 'webp']
      .filter((f) => of(f).length)
      .map((f) => `<source type="image/${f}" srcset="${srcset(of(f))}" sizes="${GRID_SIZES}">`)
      .join('')
    const smallest = [...jpeg].sort((a, b) => a.width - b.width)[0]!
    return `<li><picture>${sources}<img src="${esc(smallest.url)}" srcset="${srcset(jpeg)}" sizes="${GRID_SIZES}" alt="${esc(h.alt.nl ?? '')}" width="${h.width}" height="${h.height}"></picture></li>`
  })
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>static</title>
<style>body{margin:0;font-family:sans-serif}ul{display:flex;flex-wrap:wrap;gap:12px;list-style:none;margin:0;padding:24px}li{height:250px}img{height:250px;width:auto;display:block}</style>
</head><body><ul>${tiles.join('')}</ul></body></html>`
}

interface Visit {
  lcp: number
  /** Every LCP candidate: element, size, time (printed when the last is not what was expected). */
  candidates: string
  element: string
  inGrid: boolean
  url: string
  bytes: number
  byType: Record<string, number>
  searches: number
  imageRequests: string[]
}

/** One first visit in a fresh context (empty cache): LCP once the first images are in, and the bytes. */
async function visit(browser: Browser, base: string, path: string, routes: (c: BrowserContext) => Promise<void>): Promise<Visit> {
  const context = await newContext(browser, base, { viewport: VIEWPORT })
  await routes(context)
  const page: Page = await context.newPage()
  const watch = watchPage(page)
  let searches = 0
  const imageRequests: string[] = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/v1/search') searches++
    if (r.resourceType() === 'image' && !r.url().startsWith('data:')) imageRequests.push(r.url())
  })
  await page.goto(path)
  await page.waitForFunction(
    () => {
      // The gallery's own grid, once its first render has replaced the server's markup (main.first-results).
      const imgs = [...document.querySelectorAll<HTMLImageElement>('img')].slice(0, 3)
      return !document.querySelector('main.first-results') && imgs.length >= 3 && imgs.every((i) => i.complete && i.naturalWidth > 0)
    },
    undefined,
    { timeout: 30_000 },
  )
  await page.waitForLoadState('load')
  // Two frames, so what is on screen now has been painted and reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  const r = await page.evaluate(
    () =>
      new Promise<Omit<Visit, 'searches' | 'imageRequests'>>((resolve) => {
        new PerformanceObserver((list) => {
          type Lcp = PerformanceEntry & { element?: Element; url?: string; size?: number }
          const all = list.getEntries() as Lcp[]
          const last = all.at(-1)!
          const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[]
          const byType: Record<string, number> = {}
          for (const e of entries) byType[e.initiatorType] = (byType[e.initiatorType] ?? 0) + e.transferSize
          resolve({
            lcp: Math.round(last.startTime),
            candidates:
              all.map((e) => `${e.element?.tagName}:${e.size}@${Math.round(e.startTime)} ${e.url ?? ''}`).join(' | ') +
              ` || FCP ${Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1)}; ` +
              entries.map((e) => `${e.name.split('/').pop()!.split('?')[0]} ${Math.round(e.startTime)}-${Math.round(e.responseEnd)}`).join(', '),
            element: last.element?.tagName ?? '?',
            inGrid: !!last.element?.closest('.photo-grid, ul'),
            url: last.url ?? '',
            bytes: entries.reduce((a, e) => a + e.transferSize, 0),
            byType,
          })
        }).observe({ type: 'largest-contentful-paint', buffered: true })
      }),
  )
  expect(watch.errors, watch.errors.join('\n')).toEqual([])
  await context.close()
  return { ...r, searches, imageRequests }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

/**
 * Waits until the process used under 10 % of one core for a whole second (its CPU time from /proc), at most
 * `maxMs`; answers how long it waited, or null where there is no /proc (then it does not wait).
 */
async function untilIdle(pid: number | undefined, maxMs: number): Promise<number | null> {
  const stat = `/proc/${pid}/stat`
  if (pid === undefined || !fs.existsSync(stat)) return null
  const ticks = () => {
    const f = fs.readFileSync(stat, 'utf8').split(') ')[1]!.split(' ')
    return Number(f[11]) + Number(f[12]) // utime + stime, in clock ticks (100 a second)
  }
  const start = Date.now()
  while (Date.now() - start < maxMs) {
    const before = ticks()
    await new Promise((r) => setTimeout(r, 1000))
    if (ticks() - before < 10) break
  }
  return Date.now() - start
}

/**
 * Waits until the whole machine (every core, /proc/stat) was under 20 % busy for 250 ms, at least 250 ms and
 * at most `maxMs`, so a visit does not start in the aftermath of the one before (its renderer closing, its
 * requests still being answered). Answers how long it waited; 250 ms where there is no /proc/stat.
 */
async function machineSettled(maxMs: number): Promise<number> {
  const start = Date.now()
  const sample = () => {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    return { idle: f[3]! + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) }
  }
  if (!fs.existsSync('/proc/stat')) {
    await new Promise((r) => setTimeout(r, 250))
    return 250
  }
  while (Date.now() - start < maxMs) {
    const a = sample()
    await new Promise((r) => setTimeout(r, 250))
    const b = sample()
    if (b.total > a.total && 1 - (b.idle - a.idle) / (b.total - a.total) < 0.2) break
  }
  return Date.now() - start
}

describe('the search page paints its first results soon', () => {
  let gallery: Gallery
  let browser: Browser
  let idleAfterMs: number | null = null

  beforeAll(async () => {
    // 60 first visits from one address. They fit its limits (the built files are not counted, the photos
    // have their own budget), but a limit met mid-run would stop the gallery's render: paint is measured here,
    // not limits (test/modules/desks/rate-limit.test.ts does those).
    gallery = await startGallery({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000' })
    browser = await launchBrowser()
    // The search index is filled by the background worker after the seed: wait until it has every photo.
    const count = async (q: string) => ((await (await fetch(`${gallery.url}/v1/search?q=${encodeURIComponent(q)}&limit=24`)).json()) as { total: number }).total
    for (let i = 0; i < 180 && ((await count('')) < 14 || (await count(QUERY)) < 3); i++) await new Promise((r) => setTimeout(r, 1000))
    // The seed's AVIF files are encoded in the background after that (photo.avif jobs). Measured meanwhile,
    // both pages would be timed against two cores' worth of encoding, and the formats served could change
    // between the pages compared: wait (at most 150 s) until the server has been idle for a second.
    idleAfterMs = await untilIdle(gallery.server.proc.pid, 150_000)
  })
  afterAll(async () => {
    await browser?.close()
    await gallery?.close()
  })

  it("the page's first HTML carries what GET /v1/search answers an anonymous visitor, preloads its first images, and is never stored", async () => {
    const res = await fetch(`${gallery.url}/?q=${QUERY}`)
    expect(res.headers.get('cache-control')).toBe('no-store')
    // The strict policy stays: the data block is not a script the browser runs.
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(/script-src 'self'(;|$)/.test(csp), csp).toBe(true)
    const html = await res.text()
    const first = firstSearch(html)
    expect(first?.query).toBe(`q=${QUERY}&lang=nl&limit=24`)
    const api = await (await fetch(`${gallery.url}/v1/search?${first!.query}`)).json()
    expect(first!.answer).toEqual(api)
    expect(first!.answer.hits.length).toBeGreaterThanOrEqual(3)
    expect(html.match(/<link rel="preload" as="image"/g)).toHaveLength(Math.min(6, first!.answer.hits.length))
    // And the same hits as plain grid markup in the app's root, in order, for the photos to paint before the script.
    const root = html.slice(html.indexOf('<div id="root">'), html.indexOf('</body>'))
    expect([...root.matchAll(/<a href="\/photos\/([^"]+)" class="tile result">/g)].map((m) => m[1])).toEqual(first!.answer.hits.map((h) => h.id))

    // Signed in, the page comes plain: the gallery asks with the session (which may see more).
    const login = await fetch(`${gallery.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(gallery.logins.journalist),
    })
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    expect(cookie).toContain('eb_session=')
    const signedIn = await fetch(`${gallery.url}/?q=${QUERY}`, { headers: { cookie } })
    expect(firstSearch(await signedIn.text())).toBeNull()
  })

  it('LCP next to a static page with the same results and images, and the bytes of a first visit (printed)', async () => {
    const served = await fetch(`${gallery.url}/?q=${QUERY}`)
    const html = await served.text()
    // The headers the gallery sends with its HTML (its security policy, among them
    // Cross-Origin-Opener-Policy: same-origin), for the pages it is compared with: without them a page opened
    // in a fresh tab stays in the tab's first renderer process, while a page with that policy gets a process
    // of its own (a new browsing context group), about 100 ms on this machine. Measured with and without, so
    // the comparison weighs the page and not the policy (the policy stays: it keeps other sites' windows from
    // reaching into the gallery's). Length and encoding are left to the fulfilled body.
    const policy: Record<string, string> = {}
    for (const [k, v] of served.headers)
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'date', 'connection', 'keep-alive', 'vary', 'set-cookie'].includes(k)) policy[k] = v
    expect(policy['cross-origin-opener-policy']).toBe('same-origin')
    const preloaded = [...html.matchAll(/imagesrcset="([^"]*)"/g)].flatMap((m) =>
      m[1]!
        .replace(/&amp;/g, '&')
        .split(', ')
        .map((c) => c.split(' ')[0]!),
    )
    const answer = (await (await fetch(`${gallery.url}/v1/search?q=${QUERY}&lang=nl&limit=24`)).json()) as { hits: Hit[] }
    const body = staticPage(answer.hits)
    // The page as it was before (issue 17): the plain HTML, so the script asks for the results itself
    // (the page a signed-in visitor gets, served from the test: if anything, faster than from the server).
    const login = await fetch(`${gallery.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(gallery.logins.journalist),
    })
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const plain = await (await fetch(`${gallery.url}/?q=${QUERY}`, { headers: { cookie } })).text()
    expect(firstSearch(plain)).toBeNull()
    const servePlain = async (c: BrowserContext) => {
      await c.route(
        (u) => u.pathname === '/' && u.search === `?q=${QUERY}`,
        (r) => r.fulfill({ status: 200, headers: policy, body: plain }),
      )
    }
    const serveStatic = async (c: BrowserContext) => {
      await c.route(`${gallery.url}/__static`, (r) => r.fulfill({ status: 200, headers: policy, body }))
    }
    // The reference as it was before it had those headers: the same static page with no headers at all.
    const serveBare = async (c: BrowserContext) => {
      await c.route(`${gallery.url}/__bare`, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }))
    }
    const app: Visit[] = []
    const still: Visit[] = []
    const bare: Visit[] = []
    const before: Visit[] = []
    const loads: string[] = []
    const kinds: [Visit[], string, (c: BrowserContext) => Promise<void>][] = [
      [app, `/?q=${QUERY}`, async () => {}],
      [still, '/__static', serveStatic],
      [bare, '/__bare', serveBare],
      [before, `/?q=${QUERY}`, servePlain],
    ]
    const settled: number[] = []
    for (let i = 0; i < RUNS; i++) {
      loads.push(
        (await import('node:os'))
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' '),
      )
      // Interleaved, so the shared machine's drift in load hits every page; the order turns each round, and
      // each visit starts on a settled machine: a visit right after the heavy "before" page (its app renders and
      // searches) was measured ~30 % slower when it came at once than after a pause here, and it was always the
      // search page's turn.
      for (let j = 0; j < kinds.length; j++) {
        const [into, path, routes] = kinds[(i + j) % kinds.length]!
        settled.push(await machineSettled(3000))
        into.push(await visit(browser, gallery.url, path, routes))
      }
    }
    const preloadedIds = answer.hits.slice(0, 6).map((h) => h.id)
    expect(preloaded.length).toBeGreaterThan(0)
    for (const v of app) {
      // The largest paint is a result photo, and the app did not ask for its results again. Its element is
      // gone from the document when it was the server's first grid, replaced by the gallery's render since
      // (the entry then names no element, but still its image).
      if (v.element !== '?') {
        expect(v.element, v.candidates).toBe('IMG')
        expect(v.inGrid).toBe(true)
      }
      expect(v.url, v.candidates).toMatch(/\/media\//)
      expect(
        answer.hits.some((h) => v.url.includes(`/v1/photos/${h.id}/`)),
        v.url,
      ).toBe(true)
      expect(v.searches).toBe(0)
      // Each preloaded photo was fetched once: the preload and the grid's <picture> chose the same file.
      for (const id of preloadedIds)
        expect(
          v.imageRequests.filter((u) => u.includes(`/v1/photos/${id}/`)),
          id,
        ).toHaveLength(1)
    }
    for (const v of [...still, ...bare]) expect(v.element, v.candidates).toBe('IMG')
    const a = median(app.map((v) => v.lcp))
    const s = median(still.map((v) => v.lcp))
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`
    console.log(
      `each visit started after the machine settled (under 20 % busy for 250 ms): waited ${median(settled)} ms at the median, ${Math.max(...settled)} ms at most; ` +
        `server idle (background AVIF encoding done) after ${idleAfterMs === null ? '? (no /proc: not waited for)' : `${(idleAfterMs / 1000).toFixed(0)} s`}; load average (1/5/15 min) at each run: ${loads.join(' | ')}`,
    )
    console.log(
      `LCP search page /?q=${QUERY} (${VIEWPORT.width}×${VIEWPORT.height}, fresh cache, loopback): median ${a} ms [${app.map((v) => v.lcp).join(', ')}]`,
    )
    console.log(
      `LCP static page, same ${answer.hits.length} results and images, with the gallery's response headers: median ${s} ms [${still.map((v) => v.lcp).join(', ')}]`,
    )
    const n = median(bare.map((v) => v.lcp))
    console.log(`LCP the same static page with no headers (no Cross-Origin-Opener-Policy): median ${n} ms [${bare.map((v) => v.lcp).join(', ')}]`)
    const b = median(before.map((v) => v.lcp))
    console.log(
      `LCP the same page without its first results in the HTML (as before): median ${b} ms [${before.map((v) => `${v.lcp} ${v.element}`).join(', ')}] ` +
        '(the element of each: where it is P, a paragraph of text was the largest paint, not a photo)',
    )
    console.log(`LCP candidates of the search page's first visit (element:size@ms url || FCP; resources start-end ms): ${app[0]!.candidates}`)
    console.log(
      `LCP ratio search page / static page: ${(a / s).toFixed(2)}× (goal ≤ 1.2×); before: ${(b / s).toFixed(2)}×; ` +
        `against the same static page with no headers (the reference as it was before): ${(a / n).toFixed(2)}×`,
    )
    const first = app[0]!
    console.log(
      `bytes on the wire, first visit of /?q=${QUERY} (transferSize, everything loaded before scrolling): ${kb(first.bytes)} — ${Object.entries(first.byType)
        .map(([k, v]) => `${k} ${kb(v)}`)
        .join(', ')}; static page: ${kb(still[0]!.bytes)}`,
    )
  }, 300_000)
})
