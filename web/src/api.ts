/**
 * The one way the gallery talks to the API: same origin, the session cookie (set by POST /v1/auth/login,
 * HttpOnly), and on every write the CSRF token from the readable eb_csrf cookie as x-csrf-token (double
 * submit; api/src/modules/auth/auth.plugin.ts). The model's portal sends its link token as a bearer token
 * instead. Errors arrive as RFC 9457 problem+json and are thrown as ApiError with the problem attached.
 */
import type { paths } from '../../contract/api.d.ts'

export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  /** Extensions (validation `errors`, a refusal's reason in words, …). */
  [extension: string]: unknown
}

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title)
    this.name = 'ApiError'
    this.status = problem.status
    this.problem = problem
  }
  /** The problem's slug: '/problems/photo-gone' → 'photo-gone'. */
  get slug(): string {
    return this.problem.type.replace(/^.*\/problems\//, '')
  }
}

/** A network failure (offline, server down) as a problem, so the UI has one error shape to show. */
const networkProblem = (): Problem => ({ type: '/problems/network', title: 'Network error', status: 0 })

export function cookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return null
}

/** The CSRF token for cookie-authenticated writes (also for XHR uploads with progress). */
export const csrfToken = () => cookie('eb_csrf')

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown
  query?: Record<string, string | number | boolean | null | undefined>
  /** The model's personal link token (ebp_…): sent as Authorization: Bearer, no cookie session. */
  portalToken?: string
  signal?: AbortSignal
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path
}

/** Turns a non-2xx response into an ApiError (problem+json when the server sent one). */
export async function problemFrom(res: Response): Promise<ApiError> {
  let problem: Problem = { type: `/problems/http-${res.status}`, title: res.statusText || 'Error', status: res.status }
  const type = res.headers.get('content-type') ?? ''
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>
      if (body && typeof body === 'object') problem = { ...problem, ...body, status: res.status }
    } catch {
      // Not JSON after all: keep the status-based problem.
    }
  }
  return new ApiError(problem)
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' }
  let body: BodyInit | undefined
  if (opts.body instanceof FormData) body = opts.body
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  if (opts.portalToken) headers.authorization = `Bearer ${opts.portalToken}`
  else if (method !== 'GET') {
    const csrf = csrfToken()
    if (csrf) headers['x-csrf-token'] = csrf
  }
  let res: Response
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body,
      signal: opts.signal,
      // The portal never sends the session cookie: a model's link is not a staff session.
      credentials: opts.portalToken ? 'omit' : 'same-origin',
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(networkProblem())
  }
  if (!res.ok) throw await problemFrom(res)
  if (res.status === 204) return undefined as T
  const type = res.headers.get('content-type') ?? ''
  return (type.includes('json') ? await res.json() : await res.text()) as T
}

export const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError'

// ---- the API's shapes: generated from the route schemas into contract/api.d.ts (npm run contract:types) ----

export type { paths }
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'
/**
 * The JSON body of a response as the route schema declares it, e.g. `Json<'/v1/search', 'get'>` or
 * `Json<'/v1/photos/{id}/downloads', 'post', 201>`.
 */
export type Json<P extends keyof paths, M extends Method & keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer Body } } }
}
  ? Body
  : never
/** The JSON body a route accepts. */
export type JsonBody<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer Body } }
}
  ? Body
  : never

export type Me = Json<'/v1/auth/me', 'get'>
export type Role = Me['user']['role']
export interface Bilingual {
  nl: string | null
  en: string | null
}
