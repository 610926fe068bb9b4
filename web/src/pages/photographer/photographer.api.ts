/**
 * The photographer's calls. Uploads go through XMLHttpRequest, not fetch: only XHR reports upload
 * progress (fetch has no upload progress events). Everything else goes through api.ts.
 */
import { api, ApiError, csrfToken, type Json, type Problem } from '../../api.ts'

/**
 * A photo's status (PHOTO_STATUSES in api/src/modules/photos/photos.table.ts). The route schemas declare the
 * field as a plain string, so the generated type can't say which: narrowed here where a status picks a message.
 */
export type StatusName = 'draft' | 'in_review' | 'returned' | 'published' | 'withdrawn'
export type OwnPhotos = Json<'/v1/photos', 'get'>
/** A photo as GET /v1/photos/:id (and the list, and PATCH) answers it. */
export type OwnPhoto = Json<'/v1/photos/{id}', 'get'>
export type Derivative = OwnPhoto['derivatives'][number]
export type Uploaded = Json<'/v1/photos', 'post', 201>
export type PrivacyReport = Uploaded['privacyReport']

export type People = Json<'/v1/photos/{id}/people', 'get'>
export type Person = People['items'][number]
export type Consent = NonNullable<Person['consent']>
/** A wider consent proposed to the person: it applies only once they accept it in their portal. */
export type Proposal = Person['proposals'][number]
export type Subjects = Json<'/v1/subjects', 'get'>
export type Subject = Subjects['items'][number]

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
  list: (cursor?: string) => api<OwnPhotos>('/v1/photos', { query: { limit: 24, cursor } }),
  get: (id: string) => api<OwnPhoto>(`/v1/photos/${id}`),
  patch: (id: string, body: Record<string, unknown>) => api<Json<'/v1/photos/{id}', 'patch'>>(`/v1/photos/${id}`, { method: 'PATCH', body }),
  /** The same texts on many photos: all or nothing (409 bulk-edit-refused names each refusal). */
  bulkPatch: (ids: string[], set: Record<string, unknown>) => api<Json<'/v1/photos', 'patch'>>('/v1/photos', { method: 'PATCH', body: { ids, set } }),
  people: (id: string) => api<People>(`/v1/photos/${id}/people`),
  subjects: () => api<Subjects>('/v1/subjects'),
  createSubject: (pseudonym: string) => api<Json<'/v1/subjects', 'post', 201>>('/v1/subjects', { method: 'POST', body: { pseudonym } }),
  addPerson: (id: string, subjectId: string, consent: Record<string, unknown>) =>
    api<Json<'/v1/photos/{id}/people', 'post', 201>>(`/v1/photos/${id}/people`, { method: 'POST', body: { subjectId, consent } }),
  remove: (id: string) => api<void>(`/v1/photos/${id}`, { method: 'DELETE' }),
  removePerson: (id: string, subjectId: string) => api<void>(`/v1/photos/${id}/people/${subjectId}`, { method: 'DELETE' }),
  submit: (id: string) => api<Json<'/v1/photos/{id}/submit', 'post'>>(`/v1/photos/${id}/submit`, { method: 'POST' }),
}
