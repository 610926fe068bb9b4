/**
 * The published collections' names (GET /v1/collections/published), fetched once per page load: the search
 * filter and the front page show names, never a collection's id. A curator's private working set is not in it.
 */
import { useEffect, useState } from 'react'
import { api, type Bilingual } from '../../api.ts'

export interface PublishedCollection {
  id: string
  kind: string
  title: Bilingual
}

let pending: Promise<PublishedCollection[]> | null = null
const load = () =>
  (pending ??= api<{ items: PublishedCollection[] }>('/v1/collections/published').then(
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
