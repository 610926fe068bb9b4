/**
 * The photographer's calls. Uploads go through XMLHttpRequest, not fetch: only XHR reports upload
 * progress (fetch has no upload progress events). Everything else goes through api.ts.
 */
import { api, ApiError, csrfToken, type Bilingual, type Problem } from '../../api.ts'

export interface Derivative {
  preset: string
  format: string
  width: number
  height: number
  bytes: number
  url: string
}
export interface OwnPhoto {
  id: string
  status: 'draft' | 'in_review' | 'returned' | 'published' | 'withdrawn'
  width: number
  height: number
  caption: Bilingual
  alt: Bilingual
  /** The keywords in the language asked for (Dutch by default). */
  tags: string[]
  /** Both keyword lists, as the editor edits them. */
  keywords: { nl: string[]; en: string[] }
  credit: string
  /** '<id>@<version>' of a published licence (GET /v1/licences). */
  licence: string
  series?: string | null
  placeCity?: string | null
  thumbhash: string | null
  derivativesState: string
  noPeopleDeclared: boolean
  derivatives: Derivative[]
  createdAt: string
}
export interface PrivacyReport {
  found: string[]
  removed: string[]
  kept: string[]
  summary: { nl: string; en: string }
}
export type Uploaded = OwnPhoto & { privacyReport: PrivacyReport }

export interface Consent {
  version: number
  state: string
  uses: string[]
  excludedTopics: string[]
  identifiable: boolean
  identifiabilityAgreed: boolean
  publicPreview: boolean
  validFrom: string
  validUntil: string
  reason: string | null
}
/** A wider consent proposed to the person: it applies only once they accept it in their portal. */
export interface Proposal {
  id: string
  state: 'pending' | 'accepted' | 'declined' | 'superseded'
  widens: string[]
  createdAt: string
  decidedAt: string | null
}
export interface Person {
  subjectId: string
  pseudonym: string
  consent: Consent | null
  proposals?: Proposal[]
}
export interface Subject {
  id: string
  pseudonym: string
}

export interface UploadHandle {
  done: Promise<Uploaded>
  abort: () => void
}

/** Uploads one file (multipart field "file" plus text fields) and reports progress as 0..1. */
export function uploadPhoto(file: File, fields: Record<string, string>, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest()
  const done = new Promise<Uploaded>((resolve, reject) => {
    const form = new FormData()
    // Fields first: the server reads them before the file's bytes.
    for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v)
    form.append('file', file)
    xhr.open('POST', '/v1/photos')
    xhr.responseType = 'text'
    xhr.setRequestHeader('accept', 'application/json, application/problem+json')
    const csrf = csrfToken()
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total)
    }
    xhr.upload.onload = () => onProgress(1)
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        /* not JSON */
      }
      if (xhr.status === 201 && body) return resolve(body as Uploaded)
      const problem: Problem =
        body && typeof body === 'object' && 'type' in body
          ? { ...(body as Problem), status: xhr.status }
          : { type: `/problems/http-${xhr.status}`, title: xhr.statusText || 'Error', status: xhr.status }
      reject(new ApiError(problem))
    }
    xhr.onerror = () => reject(new ApiError({ type: '/problems/network', title: 'Network error', status: 0 }))
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'))
    xhr.send(form)
  })
  return { done, abort: () => xhr.abort() }
}

export const photographerApi = {
  list: (cursor?: string) => api<{ items: OwnPhoto[]; nextCursor: string | null }>('/v1/photos', { query: { limit: 24, cursor } }),
  get: (id: string) => api<OwnPhoto>(`/v1/photos/${id}`),
  patch: (id: string, body: Record<string, unknown>) => api<OwnPhoto>(`/v1/photos/${id}`, { method: 'PATCH', body }),
  /** The same texts on many photos: all or nothing (409 bulk-edit-refused names each refusal). */
  bulkPatch: (ids: string[], set: Record<string, unknown>) =>
    api<{ items: { id: string; status: string }[] }>('/v1/photos', { method: 'PATCH', body: { ids, set } }),
  people: (id: string) => api<{ items: Person[] }>(`/v1/photos/${id}/people`),
  subjects: () => api<{ items: Subject[] }>('/v1/subjects'),
  createSubject: (pseudonym: string) => api<Subject>('/v1/subjects', { method: 'POST', body: { pseudonym } }),
  addPerson: (id: string, subjectId: string, consent: Record<string, unknown>) =>
    api<Consent & { proposal: Proposal | null }>(`/v1/photos/${id}/people`, { method: 'POST', body: { subjectId, consent } }),
  remove: (id: string) => api<void>(`/v1/photos/${id}`, { method: 'DELETE' }),
  removePerson: (id: string, subjectId: string) => api<void>(`/v1/photos/${id}/people/${subjectId}`, { method: 'DELETE' }),
  submit: (id: string) => api<{ id: string; status: string }>(`/v1/photos/${id}/submit`, { method: 'POST' }),
}
