/**
 * A public IIIF Presentation 3.0 Manifest for one photo anyone may preview
 * (https://iiif.io/api/presentation/3.0/): served without login and with CORS, painted by the preview
 * images an anonymous viewer may fetch. The curator's full manifest of a collection stays behind login
 * (modules/collections).
 *
 * `rights` (§3.3.1) must be a Creative Commons or RightsStatements.org URI: an open licence's own deed
 * (in the http form those specifications define), or "In Copyright" for our licences, whose terms travel
 * in `requiredStatement` and `metadata`.
 */
import { licenceKind, type Licence } from '../licences/index.ts'

export const IIIF_CONTEXT = 'http://iiif.io/api/presentation/3/context.json'
export const IIIF_MEDIA_TYPE = `application/ld+json;profile="${IIIF_CONTEXT}"`
export const IN_COPYRIGHT = 'http://rightsstatements.org/vocab/InC/1.0/'

/** The IIIF rights URI of a licence: its Creative Commons URI, or RightsStatements.org In Copyright. */
export function iiifRights(l: Licence | undefined): string {
  if (l && licenceKind(l) === 'open') return l.deedUrl.replace(/^https:/, 'http:')
  return IN_COPYRIGHT
}

type LangMap = Record<string, string[]>
const langMap = (nl: string | null | undefined, en: string | null | undefined): LangMap => {
  const m: LangMap = {}
  if (nl?.trim()) m.nl = [nl.trim()]
  if (en?.trim()) m.en = [en.trim()]
  return Object.keys(m).length ? m : { none: [''] }
}

export interface PublicPhotoForIiif {
  id: string
  caption: { nl: string | null; en: string | null }
  alt: { nl: string | null; en: string | null }
  credit: string
  licence: string
  attribution: { nl: { text: string }; en: { text: string } } | null
  derivatives: { preset: string; format: string; width: number; height: number; url: string }[]
}

export function photoManifest(photo: PublicPhotoForIiif, licence: Licence | undefined, origin: string) {
  const abs = (u: string) => new URL(u, origin).href
  const jpegs = photo.derivatives.filter((d) => d.format === 'jpeg').sort((a, b) => b.width - a.width)
  const main = jpegs[0]
  const thumb = jpegs.at(-1)
  const id = `${origin}/iiif/photos/${photo.id}/manifest.json`
  const canvas = `${origin}/iiif/photos/${photo.id}/canvas/1`
  const attribution = photo.attribution ? { nl: [photo.attribution.nl.text], en: [photo.attribution.en.text] } : { none: [`${photo.credit} / Eerlijk Beeld`] }
  const metadata = [{ label: { nl: ['Maker'], en: ['Creator'] }, value: { none: [photo.credit] } }]
  if (licence)
    metadata.push({ label: { nl: ['Licentie'], en: ['Licence'] }, value: { none: [`${licence.shortName.en} ${licence.version}: ${licence.deedUrl}`] } })
  metadata.push({ label: { nl: ['Rechtencheck'], en: ['Rights check'] }, value: { none: [`${origin}/rights/${photo.id}`] } })
  return {
    '@context': IIIF_CONTEXT,
    id,
    type: 'Manifest',
    label: langMap(photo.caption.nl, photo.caption.en),
    summary: langMap(photo.alt.nl, photo.alt.en),
    rights: iiifRights(licence),
    requiredStatement: { label: { nl: ['Naamsvermelding'], en: ['Attribution'] }, value: attribution },
    metadata,
    homepage: [{ id: `${origin}/photos/${photo.id}`, type: 'Text', label: langMap(photo.caption.nl, photo.caption.en), format: 'text/html' }],
    ...(thumb ? { thumbnail: [{ id: abs(thumb.url), type: 'Image', format: 'image/jpeg', width: thumb.width, height: thumb.height }] } : {}),
    items: main
      ? [
          {
            id: canvas,
            type: 'Canvas',
            width: main.width,
            height: main.height,
            items: [
              {
                id: `${canvas}/page`,
                type: 'AnnotationPage',
                items: [
                  {
                    id: `${canvas}/page/image`,
                    type: 'Annotation',
                    motivation: 'painting',
                    body: { id: abs(main.url), type: 'Image', format: 'image/jpeg', width: main.width, height: main.height },
                    target: canvas,
                  },
                ],
              },
            ],
          },
        ]
      : [],
  }
}
