/**
 * The model's side of the API. No account and no cookie: the personal link's token (ebp_…) arrives in
 * the URL fragment, which browsers never send to a server or put in a Referer. It is moved into
 * sessionStorage at once (gone when the tab closes) and out of the address bar, the history and
 * bookmarks, and sent as Authorization: Bearer on every call.
 */
const STORAGE_KEY = 'eb.portal'
const TOKEN = /^ebp_[A-Za-z0-9_-]{10,96}$/

/** Takes the token out of the URL (if it is there) and returns the one for this tab. */
export function claimToken(): string | null {
  const hash = window.location.hash.slice(1)
  if (hash.startsWith('ebp_')) {
    // Out of the address bar before anything renders or loads: a screenshot or a shoulder sees nothing.
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
    if (TOKEN.test(hash)) {
      try {
        sessionStorage.setItem(STORAGE_KEY, hash)
      } catch {
        // Storage blocked: the token lives only in memory for this page.
      }
      return hash
    }
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

export function forgetToken() {
  try {
    sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    /* nothing stored */
  }
}

export class PortalProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly retryAfter: number | null,
  ) {
    super(detail ?? title)
  }
  get slug() {
    return this.type.replace(/^\/problems\//, '')
  }
}

export type Words = { nl: string; en: string }
export type Bilingual = { nl: string | null; en: string | null }
export interface PortalConsent {
  version: number
  state: string
  uses: string[]
  excludedTopics: string[]
  identifiable: boolean
  identifiabilityAgreed: boolean
  outletAllow: string[] | null
  outletDeny: string[]
  publicPreview: boolean
  validFrom: string
  validUntil: string
  reason: string | null
}
export interface PortalPhoto {
  id: string
  status: 'draft' | 'in_review' | 'published' | 'withdrawn'
  caption: Bilingual
  alt: Bilingual
  credit: string
  preview: string | null
  consent: PortalConsent | null
  consentInWords: Words | null
  renewal: { validUntil: string; askedAt: string; inWords: Words } | null
  usage: { organisation: string; use: string; topic: string | null; at: string; publicationUrl: string | null }[]
  notices: { organisation: string; event: string; state: string; at: string }[]
}
export interface PortalOverview {
  pseudonym: string
  photos: PortalPhoto[]
}
export interface PortalEvent {
  at: string
  type: string
  photoId: string | null
  aboutYou: boolean
  by: string
}

async function call(token: string, method: string, path: string, body?: unknown): Promise<Response> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    })
  } catch {
    throw new PortalProblem(0, '/problems/network', 'Network error', undefined, null)
  }
  if (!res.ok) {
    let p: { type?: string; title?: string; detail?: string } = {}
    try {
      p = await res.json()
    } catch {
      /* not a problem document */
    }
    const ra = Number(res.headers.get('retry-after'))
    throw new PortalProblem(res.status, p.type ?? `/problems/http-${res.status}`, p.title ?? res.statusText, p.detail, Number.isFinite(ra) && ra > 0 ? ra : null)
  }
  return res
}

const json = async <T,>(res: Promise<Response>): Promise<T> => (await res).json() as Promise<T>

export const portalApi = (token: string) => ({
  overview: () => json<PortalOverview>(call(token, 'GET', '/v1/portal')),
  events: () => json<{ items: PortalEvent[] }>(call(token, 'GET', '/v1/portal/events')),
  changeConsent: (photoId: string, body: Record<string, unknown>) => json<{ consent: PortalConsent; consentInWords: Words }>(call(token, 'PUT', `/v1/portal/photos/${photoId}/consent`, body)),
  renew: (photoId: string) => json<{ consent: PortalConsent; consentInWords: Words }>(call(token, 'POST', `/v1/portal/photos/${photoId}/renew`, { confirm: true })),
  withdraw: (photoId: string) => json<{ id: string; status: string }>(call(token, 'POST', `/v1/portal/photos/${photoId}/withdraw`, { confirm: true })),
  erasure: () => json<{ id: string; requestedAt: string }>(call(token, 'POST', '/v1/portal/erasure', { confirm: true })),
  /** A preview needs the token too, so it is fetched and shown from a blob: URL (the CSP allows blob:). */
  preview: async (path: string): Promise<string> => URL.createObjectURL(await (await call(token, 'GET', path)).blob()),
})
export type PortalApi = ReturnType<typeof portalApi>
