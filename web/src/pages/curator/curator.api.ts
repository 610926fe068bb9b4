/** The curator's calls: the review queue, publishing, collections and exhibitions (collections branch routes). */
import { api, ApiError, type Json } from '../../api.ts'
import type { Consent, OwnPhotos, People, Person } from '../photographer/photographer.api.ts'

export type Words = { nl: string; en: string }
type ReviewQueue = Json<'/v1/review', 'get'>
export type ReviewItem = ReviewQueue['items'][number]
export type Reason = ReviewItem['reasons'][number]
export type CollectionSummary = Json<'/v1/collections', 'get'>['items'][number]
export type CollectionDetail = Json<'/v1/collections/{id}', 'get'>
export type CollectionItem = CollectionDetail['items'][number]
/** A collection's kind (the route schemas declare it as a plain string): narrowed where it picks a message. */
export type CollectionKind = 'collection' | 'exhibition'

export type { Consent, Person }

/** The review queue; on a server without the collections module, the photos in review from the photo list. */
async function reviewQueue(): Promise<ReviewItem[]> {
  try {
    return (await api<ReviewQueue>('/v1/review', { query: { limit: 100 } })).items
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err
    const all = await api<OwnPhotos>('/v1/photos', { query: { limit: 100 } })
    return all.items.filter((p) => p.status === 'in_review').map((photo) => ({ photo, publishable: true, reasons: [] }))
  }
}

/** The problem of a refused publication carries every reason at once (consent.service.ts, publish). */
export function refusalReasons(err: unknown): Reason[] | null {
  if (!(err instanceof ApiError) || err.slug !== 'publish-refused') return null
  const r = err.problem.reasons
  return Array.isArray(r) ? (r as Reason[]) : []
}

export const curatorApi = {
  reviewQueue,
  people: (photoId: string) => api<People>(`/v1/photos/${photoId}/people`),
  publish: (photoId: string) => api<Json<'/v1/photos/{id}/publish', 'post'>>(`/v1/photos/${photoId}/publish`, { method: 'POST' }),
  published: async () => (await api<OwnPhotos>('/v1/photos', { query: { limit: 100 } })).items.filter((p) => p.status === 'published'),
  collections: () => api<Json<'/v1/collections', 'get'>>('/v1/collections'),
  create: (body: { kind: string; titleNl: string; titleEn?: string | null; notesNl?: string | null; notesEn?: string | null }) =>
    api<Json<'/v1/collections', 'post', 201>>('/v1/collections', { method: 'POST', body }),
  collection: (id: string) => api<CollectionDetail>(`/v1/collections/${id}`),
  update: (id: string, body: Record<string, string | null>) => api<Json<'/v1/collections/{id}', 'patch'>>(`/v1/collections/${id}`, { method: 'PATCH', body }),
  addItem: (id: string, photoId: string) =>
    api<Json<'/v1/collections/{id}/items', 'post'>>(`/v1/collections/${id}/items`, { method: 'POST', body: { photoId } }),
  updateItem: (id: string, photoId: string, body: { noteNl?: string | null; noteEn?: string | null }) =>
    api<Json<'/v1/collections/{id}/items/{photoId}', 'patch'>>(`/v1/collections/${id}/items/${photoId}`, { method: 'PATCH', body }),
  removeItem: (id: string, photoId: string) =>
    api<Json<'/v1/collections/{id}/items/{photoId}', 'delete'>>(`/v1/collections/${id}/items/${photoId}`, { method: 'DELETE' }),
  reorder: (id: string, photoIds: string[]) =>
    api<Json<'/v1/collections/{id}/order', 'put'>>(`/v1/collections/${id}/order`, { method: 'PUT', body: { photoIds } }),
  zipUrl: (id: string) => `/v1/collections/${id}/export.zip`,
  manifestUrl: (id: string) => `/v1/collections/${id}/manifest.json`,
}
