/**
 * The model's side of the API. No account and no cookie: the personal link's token (ebp_…) arrives in
 * the URL fragment, which browsers never send to a server or put in a Referer. It is moved into
 * sessionStorage at once (gone when the tab closes) and out of the address bar, the history and
 * bookmarks, and sent as Authorization: Bearer on every call.
 */
import { api, problemFrom, type Json } from '../../api.ts'

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

export type PortalOverview = Json<'/v1/portal', 'get'>
export type PortalPhoto = PortalOverview['photos'][number]
/** The statuses a person sees (the route schema declares a plain string): narrowed where it picks a message. */
export type PortalPhotoStatus = 'draft' | 'in_review' | 'published' | 'withdrawn'
export type PortalConsent = NonNullable<PortalPhoto['consent']>
/** A wider consent the photographer or consent officer proposed; it applies only if the person accepts it. */
export type PortalProposal = NonNullable<PortalPhoto['proposals']>[number]
type PortalEvents = Json<'/v1/portal/events', 'get'>
export type PortalEvent = PortalEvents['items'][number]

/** Calls the portal API with the link token (never the staff cookie; see api.ts). */
export const portalApi = (token: string) => {
  const call = <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => api<T>(path, { method, body, portalToken: token })
  return {
    overview: () => call<PortalOverview>('GET', '/v1/portal'),
    events: () => call<PortalEvents>('GET', '/v1/portal/events'),
    changeConsent: (photoId: string, body: Record<string, unknown>) =>
      call<Json<'/v1/portal/photos/{id}/consent', 'put'>>('PUT', `/v1/portal/photos/${photoId}/consent`, body),
    renew: (photoId: string) => call<Json<'/v1/portal/photos/{id}/renew', 'post'>>('POST', `/v1/portal/photos/${photoId}/renew`, { confirm: true }),
    acceptProposal: (id: string) => call<Json<'/v1/portal/proposals/{id}/accept', 'post'>>('POST', `/v1/portal/proposals/${id}/accept`, { confirm: true }),
    declineProposal: (id: string) => call<Json<'/v1/portal/proposals/{id}/decline', 'post'>>('POST', `/v1/portal/proposals/${id}/decline`),
    withdraw: (photoId: string) => call<Json<'/v1/portal/photos/{id}/withdraw', 'post'>>('POST', `/v1/portal/photos/${photoId}/withdraw`, { confirm: true }),
    erasure: () => call<Json<'/v1/portal/erasure', 'post', 202>>('POST', '/v1/portal/erasure', { confirm: true }),
    /** A preview needs the token too, so it is fetched and shown from a blob: URL (the CSP allows blob:). */
    async preview(path: string): Promise<string> {
      const res = await fetch(path, { headers: { authorization: `Bearer ${token}` }, credentials: 'omit', cache: 'no-store' })
      if (!res.ok) throw await problemFrom(res)
      return URL.createObjectURL(await res.blob())
    },
  }
}
export type PortalApi = ReturnType<typeof portalApi>
