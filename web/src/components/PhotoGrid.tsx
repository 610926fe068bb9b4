/**
 * The image-first grid every listing uses (search, landing, related photos): a justified grid in CSS
 * (styles.css, .photo-grid) where each tile keeps its photo's stored aspect ratio and shows the thumbhash
 * until the image arrives, a one-line caption and a short credit under it.
 */
import { useLayoutEffect, useRef, useState, type Ref } from 'react'
import { GRID_PRESETS, GRID_SIZES } from '../../../contract/grid.ts'
import type { Bilingual } from '../api.ts'
import { useBilingual } from '../i18n/index.tsx'
import { Link } from '../router.tsx'
import { Highlighted, plainText } from './Highlighted.tsx'
import { Picture, type Preview } from './Picture.tsx'

export interface GridPhoto {
  id: string
  caption: Bilingual
  alt: Bilingual
  credit: string
  width: number
  height: number
  thumbhash: string | null
  previews: Preview[]
  highlights?: { caption?: string }
}

/** "Name (studio) / CC BY 4.0" → "Name (studio)": the licence is on the photo page. */
export const shortCredit = (credit: string) => credit.split(' / ')[0]!.trim()

const ratioOf = (p: { width: number; height: number }) => (p.width > 0 && p.height > 0 ? p.width / p.height : 1)

/**
 * Rows for a justified layout (as Flickr's): fill a row at the target height until it is wider than the
 * container, then scale the row to the exact width; a row's height stays within 0.7–1.6 × the target, and
 * the last row keeps the target height. Returns each photo's width in px.
 */
export function justify(ratios: number[], width: number, target: number, gap: number): number[] {
  const out: number[] = []
  let row: number[] = []
  const flush = (last: boolean) => {
    const sum = row.reduce((a, b) => a + b, 0)
    const free = width - gap * (row.length - 1)
    const h = last ? Math.min(target, free / sum) : Math.max(target * 0.7, Math.min(target * 1.6, free / sum))
    for (const r of row) out.push(Math.floor(r * h))
    row = []
  }
  for (const r of ratios) {
    row.push(r)
    const sum = row.reduce((a, b) => a + b, 0)
    if (sum * target + gap * (row.length - 1) >= width) flush(false)
  }
  if (row.length) flush(true)
  return out
}

/** The grid's row height and gap per width (the same steps as styles.css, .photo-grid). */
const rowFor = (w: number) => (w >= 1000 ? { target: 250, gap: 12 } : w >= 600 ? { target: 210, gap: 12 } : { target: 150, gap: 8 })

export function PhotoGrid({ photos, eager = 0, label, listRef }: { photos: GridPhoto[]; eager?: number; label?: string; listRef?: Ref<HTMLUListElement> }) {
  const pick = useBilingual()
  // Until the width is known (first paint) the CSS flex layout stands in; then rows are justified exactly.
  const box = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    setWidth(el.clientWidth)
    const ro = new ResizeObserver(([e]) => setWidth(Math.floor(e!.contentRect.width)))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])
  const { target, gap } = rowFor(width)
  const widths = width > 0 ? justify(photos.map(ratioOf), width - 1, target, gap) : null
  return (
    <div ref={box} className="photo-grid-box">
      <ul className={`photo-grid results${widths ? ' is-justified' : ''}`} aria-label={label} ref={listRef} style={widths ? { columnGap: gap } : undefined}>
        {photos.map((p, i) => {
          const caption = pick(p.caption)
          const alt = pick(p.alt) || caption
          const ratio = ratioOf(p)
          return (
            <li key={p.id} style={widths ? { width: widths[i], flex: 'none' } : { ['--ar' as string]: ratio.toFixed(4) }}>
              <Link href={`/photos/${p.id}`} className="tile result">
                <Picture
                  previews={p.previews}
                  presets={GRID_PRESETS}
                  alt={alt}
                  width={p.width}
                  height={p.height}
                  thumbhash={p.thumbhash}
                  sizes={GRID_SIZES}
                  eager={i < eager}
                />
                <span className="tile-caption result-caption">
                  {captionHighlight(p.highlights?.caption, caption) ? <Highlighted html={p.highlights!.caption!} /> : caption}
                </span>
                <span className="tile-credit result-credit">{shortCredit(p.credit)}</span>
              </Link>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

/** A highlight is in whichever language matched: use it only when it is a piece of the caption on screen. */
function captionHighlight(h: string | undefined, shown: string): boolean {
  if (!h || !h.includes('<mark>')) return false
  const plain = plainText(h).replace(/^…|…$/g, '').trim()
  return plain.length > 0 && shown.includes(plain)
}
