/** The curator's calls: the review queue, publishing, collections and exhibitions (collections branch routes). */
import { api, ApiError, type Bilingual } from '../../api.ts'
import type { Consent, Derivative, OwnPhoto, Person } from '../photographer/photographer.api.ts'

export type Words = { nl: string; en: string }
export interface Reason {
  code: string
  field?: string
  subjectId?: string
  words?: Words
}
export interface ReviewItem {
  photo: OwnPhoto & { series: string | null; placeCity: string | null; licence: string }
  publishable: boolean
  reasons: Reason[]
}
export interface CollectionSummary {
  id: string
  kind: 'collection' | 'exhibition'
  title: Bilingual
  notes: Bilingual
  itemCount: number
  createdAt: string
  updatedAt: string
}
export interface CollectionItem {
  photoId: string
  position: number
  note: Bilingual
  addedAt: string
  available: boolean
  reason: string | null
  reasonWords: Words | null
  photo: {
    id: string
    width: number
    height: number
    caption: Bilingual
    alt: Bilingual
    credit: string
    thumbhash: string | null
    derivatives: Derivative[]
  } | null
}
export type CollectionDetail = CollectionSummary & { items: CollectionItem[] }

export type { Consent, Person }

/** The review queue; on a server without the collections module, the photos in review from the photo list. */
async function reviewQueue(): Promise<ReviewItem[]> {
  try {
    return (await api<{ items: ReviewItem[] }>('/v1/review', { query: { limit: 100 } })).items
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err
    const all = await api<{ items: ReviewItem['photo'][] }>('/v1/photos', { query: { limit: 100 } })
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
  people: (photoId: string) => api<{ items: Person[] }>(`/v1/photos/${photoId}/people`),
  publish: (photoId: string) => api<{ id: string; status: string }>(`/v1/photos/${photoId}/publish`, { method: 'POST' }),
  published: async () => (await api<{ items: OwnPhoto[] }>('/v1/photos', { query: { limit: 100 } })).items.filter((p) => p.status === 'published'),
  collections: () => api<{ items: CollectionSummary[] }>('/v1/collections'),
  create: (body: { kind: string; titleNl: string; titleEn?: string | null; notesNl?: string | null; notesEn?: string | null }) =>
    api<CollectionSummary>('/v1/collections', { method: 'POST', body }),
  collection: (id: string) => api<CollectionDetail>(`/v1/collections/${id}`),
  update: (id: string, body: Record<string, string | null>) => api<CollectionDetail>(`/v1/collections/${id}`, { method: 'PATCH', body }),
  addItem: (id: string, photoId: string) => api<CollectionDetail>(`/v1/collections/${id}/items`, { method: 'POST', body: { photoId } }),
  updateItem: (id: string, photoId: string, body: { noteNl?: string | null; noteEn?: string | null }) =>
    api<CollectionDetail>(`/v1/collections/${id}/items/${photoId}`, { method: 'PATCH', body }),
  removeItem: (id: string, photoId: string) => api<CollectionDetail>(`/v1/collections/${id}/items/${photoId}`, { method: 'DELETE' }),
  reorder: (id: string, photoIds: string[]) => api<CollectionDetail>(`/v1/collections/${id}/order`, { method: 'PUT', body: { photoIds } }),
  zipUrl: (id: string) => `/v1/collections/${id}/export.zip`,
  manifestUrl: (id: string) => `/v1/collections/${id}/manifest.json`,
}
