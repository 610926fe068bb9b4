import { Problem } from '../../platform/problems.ts'
import { ANONYMOUS, type Gate, type PhotoRecord } from '../gate/index.ts'
import { attributions, type Licence } from '../licences/index.ts'
import type { DerivativeRow, PhotoRow } from '../photos/index.ts'

/** The largest the gate allows first; never a size the image did not have (presets are never upscaled). */
const EMBED_ORDER = ['large', 'medium', 'small', 'thumb'] as const
/** Room under the image for the credit line, in the iframe oEmbed hands out. */
export const CAPTION_HEIGHT = 72

export type EmbedCheck =
  | { kind: 'shown'; record: PhotoRecord; photo: PhotoRow; image: DerivativeRow; credit: { nl: string; en: string }; alt: string }
  /** Was published, may not be shown now (withdrawn, expired, narrowed, erased): 410, the neutral text. */
  | { kind: 'gone' }
  /** Never was embeddable, or no such photo: 404. */
  | { kind: 'missing' }

export const embedProblems = {
  notFound: () => new Problem(404, 'embed-not-found', 'Nothing to embed', 'There is no photo at this URL that may be embedded.'),
  format: () => new Problem(501, 'oembed-format-not-implemented', 'Format not implemented', 'Only format=json is available.'),
}

/**
 * Revocable embeds (DESIGN.md promise 1: "shown … embedded … only while"): every request for the embed
 * page and its image asks the gate again (its 'embed' purpose: what an anonymous visitor may see, as an
 * editorial publication, so the sizes anyone may have).
 */
export class EmbedService {
  constructor(private readonly deps: { gate: Gate; licence: (ref: string) => Licence | undefined; publicUrl: string }) {}

  async check(id: string): Promise<EmbedCheck> {
    const d = (await this.deps.gate.check([id], { kind: 'embed' }, ANONYMOUS)).get(id)!
    if (!d.ok) return d.outcome === 'gone' ? { kind: 'gone' } : { kind: 'missing' }
    const { photo } = d.record
    const licence = this.deps.licence(photo.licence)
    if (!licence) return { kind: 'missing' }
    const jpegs = d.record.derivatives.filter((x) => x.format === 'jpeg' && d.presets.includes(x.preset as never))
    const image = EMBED_ORDER.map((p) => jpegs.find((x) => x.preset === p)).find((x) => x !== undefined)
    if (!image) return { kind: 'missing' }
    const a = attributions(licence, { photographer: photo.credit, title: { nl: photo.captionNl, en: photo.captionEn } })
    return { kind: 'shown', record: d.record, photo, image, credit: { nl: a.nl.text, en: a.en.text }, alt: photo.altNl ?? photo.altEn ?? '' }
  }

  /**
   * Where the gallery lives: PUBLIC_URL (config.origin; http://localhost:PORT in development). Never the
   * request's Host: an oEmbed answer is cached publicly, so a forged Host would poison it for everyone.
   */
  publicBase(): string {
    return this.deps.publicUrl
  }

  /** The photo id a gallery URL (`${PUBLIC_URL}/photos/:id`) names, or null when it names none of ours. */
  photoIdOf(url: string, base: string): string | null {
    const prefix = `${base.replace(/\/$/, '')}/photos/`
    if (!url.startsWith(prefix)) return null
    const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?(?:[?#].*)?$/i.exec(url.slice(prefix.length))
    return m ? m[1]!.toLowerCase() : null
  }

  /** oEmbed 1.0, type "rich" (https://oembed.com, section 2.3.4.4): an iframe of the embed page. */
  async oembed(id: string, base: string, max: { width?: number; height?: number }) {
    const c = await this.check(id)
    if (c.kind !== 'shown') throw embedProblems.notFound()
    let w = c.image.width
    let h = c.image.height
    const scale = Math.min(1, max.width ? max.width / w : 1, max.height ? Math.max(1, max.height - CAPTION_HEIGHT) / h : 1)
    w = Math.max(1, Math.floor(w * scale))
    h = Math.max(1, Math.floor(h * scale))
    const height = h + CAPTION_HEIGHT
    const src = `${base}/embed/${id}`
    const title = `Foto / Photo: ${c.photo.credit}`
    return {
      version: '1.0' as const,
      type: 'rich' as const,
      provider_name: 'Eerlijk Beeld',
      provider_url: `${base}/`,
      author_name: c.photo.credit,
      // Short: the iframe itself is checked on every view, but a consumer should not hold on to the markup for long.
      cache_age: 3600,
      width: w,
      height,
      html: `<iframe src="${escapeHtml(src)}" width="${w}" height="${height}" title="${escapeHtml(title)}" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer" sandbox="allow-same-origin allow-popups"></iframe>`,
    }
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
}

const PAGE_STYLE =
  'html,body{margin:0;padding:0;background:#fff;color:#1a1a1a;font:14px/1.4 system-ui,sans-serif}figure{margin:0}img{display:block;max-width:100%;height:auto}figcaption{padding:6px 8px}figcaption p{margin:0 0 2px}.gone{display:flex;align-items:center;justify-content:center;min-height:120px;padding:16px;text-align:center;background:#f2f2f2}'

/** The embed page: the image with its credit and licence as visible text. No scripts. */
export function embedPage(c: Extract<EmbedCheck, { kind: 'shown' }>): string {
  const img = `/embed/${c.photo.id}/image.jpg`
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(`Foto / Photo: ${c.photo.credit}`)}</title><style>${PAGE_STYLE}</style></head>
<body><figure><img src="${img}" width="${c.image.width}" height="${c.image.height}" alt="${escapeHtml(c.alt)}">
<figcaption><p class="credit">${escapeHtml(c.credit.nl)}</p><p class="credit" lang="en">${escapeHtml(c.credit.en)}</p></figcaption></figure></body></html>
`
}

/** What an embed shows once the photo may no longer be shown: the same neutral words whatever the reason. */
export function gonePage(): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>Deze foto is niet meer beschikbaar / This photo is no longer available</title><style>${PAGE_STYLE}</style></head>
<body><div class="gone"><p>Deze foto is niet meer beschikbaar.<br><span lang="en">This photo is no longer available.</span></p></div></body></html>
`
}
