/**
 * Debian's Chromium through playwright-core (never `npx playwright install`), with the flags from
 * STACK.md. playwright's launch() gives every browser a fresh temporary profile (user-data dir), removed
 * on close; each role gets its own context (cookies, storage, permissions).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
const ROOT = path.resolve(import.meta.dirname, '../../..')
const require = createRequire(import.meta.url)

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A context for one person: Dutch browser, a phone or laptop viewport, clipboard allowed on the app's origin. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  opts: { mobile?: boolean; locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: opts.locale ?? 'nl-NL',
    viewport: opts.viewport ?? (opts.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 }),
    isMobile: opts.mobile ?? false,
    hasTouch: opts.mobile ?? false,
    acceptDownloads: true,
  })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  return context
}

/**
 * Collects what the page complains about: console errors (a CSP violation shows up there) and failed
 * requests. Tests assert it stays empty, so a blocked script or a 500 can't pass unnoticed.
 */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`HTTP ${r.status()} ${r.url()}`)
  })
  return { errors }
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)

/** Screenshots of each step: test-results/e2e/<test>/<nn>-<step>.png (git-ignored). */
export function screenshots(testName: string) {
  const dir = path.join(ROOT, 'test-results/e2e', slug(testName))
  fs.mkdirSync(dir, { recursive: true })
  let n = 0
  return async (page: Page, step: string) => {
    n++
    const file = path.join(dir, `${String(n).padStart(2, '0')}-${slug(step)}.png`)
    await page.screenshot({ path: file, fullPage: true })
    return file
  }
}

let axeSource: string | undefined

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * Runs axe-core in the page (WCAG 2.x A and AA rules) and returns the serious and critical violations,
 * as readable lines for an assertion message.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Not page.addScriptTag: that inserts an inline <script>, which the app's CSP (script-src 'self')
  // rightly blocks. Evaluating through the DevTools protocol is not subject to the page's CSP.
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(axeSource)
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    return r.violations
  })) as AxeViolation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    )
}
