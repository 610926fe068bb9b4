/**
 * A photo with a thumbhash placeholder (decoded in the browser into a tiny data: URL, allowed by the CSP's
 * img-src) behind it until the real image has loaded, and a srcset per format from the API's previews so
 * the browser picks the size it needs. The alt text is required: there is no photo without one.
 */
import { useMemo, useState } from 'react'
import { thumbHashToDataURL } from 'thumbhash'

export interface Preview {
  preset: string
  format: string
  width: number
  height: number
  url: string
}

const FORMAT_ORDER = ['avif', 'webp', 'jpeg'] as const
const MIME: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' }

function placeholderUrl(thumbhash: string | null | undefined): string | null {
  if (!thumbhash) return null
  try {
    const bin = atob(thumbhash.replace(/-/g, '+').replace(/_/g, '/'))
    return thumbHashToDataURL(Uint8Array.from(bin, (c) => c.charCodeAt(0)))
  } catch {
    return null
  }
}

const srcset = (list: Preview[]) =>
  [...list]
    .sort((a, b) => a.width - b.width)
    .map((p) => `${p.url} ${p.width}w`)
    .join(', ')

export function Picture(props: {
  previews: Preview[]
  alt: string
  width: number
  height: number
  thumbhash?: string | null
  sizes: string
  /** Only these presets (e.g. leave out 'thumb' on the photo page). */
  presets?: readonly string[]
  eager?: boolean
  className?: string
}) {
  const { previews, alt, width, height, thumbhash, sizes, presets, eager, className } = props
  const [loaded, setLoaded] = useState(false)
  const placeholder = useMemo(() => placeholderUrl(thumbhash), [thumbhash])
  // A small original has only the smaller presets (never upscaled): then take what there is.
  const chosen = presets ? previews.filter((p) => presets.includes(p.preset)) : previews
  const usable = chosen.length ? chosen : previews
  const byFormat = new Map<string, Preview[]>()
  for (const p of usable) byFormat.set(p.format, [...(byFormat.get(p.format) ?? []), p])
  const fallback = byFormat.get('jpeg') ?? [...byFormat.values()][0] ?? []
  const smallest = [...fallback].sort((a, b) => a.width - b.width)[0]
  const style = {
    aspectRatio: `${width} / ${height}`,
    backgroundImage: placeholder && !loaded ? `url("${placeholder}")` : undefined,
  }
  return (
    <div className={`picture${className ? ` ${className}` : ''}`} style={style}>
      {smallest ? (
        <picture>
          {FORMAT_ORDER.filter((f) => f !== 'jpeg' && byFormat.has(f)).map((f) => (
            <source key={f} type={MIME[f]} srcSet={srcset(byFormat.get(f)!)} sizes={sizes} />
          ))}
          <img
            src={smallest.url}
            srcSet={srcset(fallback)}
            sizes={sizes}
            alt={alt}
            width={width}
            height={height}
            loading={eager ? 'eager' : 'lazy'}
            decoding="async"
            onLoad={() => setLoaded(true)}
            className={loaded ? 'loaded' : undefined}
          />
        </picture>
      ) : (
        // No preview may be shown (e.g. anonymous and no public preview): the placeholder stands in, labelled.
        <div role="img" aria-label={alt} className="no-preview" />
      )}
    </div>
  )
}
