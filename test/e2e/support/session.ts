/**
 * One file's browser tests share this set-up: the app with the demo (startGallery), one Chromium, and a
 * context per person, all closed after the file. `e2e.as(role, next)` is a person logged in through the
 * login form, with their page's complaints watched (console errors, failed scripts, 5xx).
 */
import { afterAll, beforeAll } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newContext, watchPage } from './browser.ts'
import { loginAs, startGallery, type Gallery, type Role } from './gallery.ts'

export interface Person {
  context: BrowserContext
  page: Page
  watch: { errors: string[] }
}
type ContextOptions = Parameters<typeof newContext>[2]

export interface E2E {
  readonly gallery: Gallery
  readonly browser: Browser
  /** A fresh context (its own cookies and storage), closed with the file. */
  context(opts?: ContextOptions): Promise<BrowserContext>
  /** A page nobody is logged in on. */
  visitor(opts?: ContextOptions): Promise<Person>
  /** A page logged in as the demo account of the role, at `next`. */
  as(role: Role, next?: string, opts?: ContextOptions): Promise<Person>
  /** The CSRF token of a logged-in context (for requests the test makes as that person). */
  csrf(context: BrowserContext): Promise<string>
}

/** Registers the file's beforeAll/afterAll and returns the handle the tests use. */
export function useGallery(env: Record<string, string> = {}): E2E {
  let gallery: Gallery | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    gallery = await startGallery(env)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await gallery?.close()
  })
  const e2e: E2E = {
    get gallery() {
      if (!gallery) throw new Error('the gallery is not started (use e2e inside a test)')
      return gallery
    },
    get browser() {
      if (!browser) throw new Error('the browser is not started (use e2e inside a test)')
      return browser
    },
    async context(opts) {
      const context = await newContext(e2e.browser, e2e.gallery.url, opts)
      contexts.push(context)
      return context
    },
    async visitor(opts) {
      const context = await e2e.context(opts)
      const page = await context.newPage()
      return { context, page, watch: watchPage(page) }
    },
    async as(role, next = '/', opts) {
      const person = await e2e.visitor(opts)
      await loginAs(person.page, e2e.gallery, role, next)
      return person
    },
    async csrf(context) {
      return (await context.cookies()).find((c) => c.name === 'eb_csrf')?.value ?? ''
    },
  }
  return e2e
}
