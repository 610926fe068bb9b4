import { useEffect } from 'react'

/** Sets the document title ("<page> · Eerlijk Beeld"), which screen readers announce on navigation. */
export function useTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Eerlijk Beeld` : 'Eerlijk Beeld'
  }, [title])
}
