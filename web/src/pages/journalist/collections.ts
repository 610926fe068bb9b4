/**
 * The published collections' names (GET /v1/collections/published), fetched once per page load: the search
 * filter and the front page show names, never a collection's id. A curator's private working set is not in it.
 */
import { useEffect, useState } from 'react'
import { api, type Json } from '../../api.ts'

type PublishedCollections = Json<'/v1/collections/published', 'get'>
export type PublishedCollection = PublishedCollections['items'][number]

let pending: Promise<PublishedCollection[]> | null = null
const load = () =>
  (pending ??= api<PublishedCollections>('/v1/collections/published').then(
    (r) => r.items,
    () => ((pending = null), []),
  ))

export function usePublishedCollections(): PublishedCollection[] {
  const [items, setItems] = useState<PublishedCollection[]>([])
  useEffect(() => {
    let live = true
    void load().then((x) => live && setItems(x))
    return () => void (live = false)
  }, [])
  return items
}
