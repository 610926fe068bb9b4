/**
 * A collection as a IIIF Presentation API 3.0 Manifest (https://iiif.io/api/presentation/3.0/): one Canvas
 * per photo the gate shows now, each painted by its largest JPEG derivative.
 *
 * Rights: the spec says `rights` "must be drawn from the set of Creative Commons license URIs, the
 * RightsStatements.org rights statement URIs, or those added via the extension mechanism" (§3.3.1). Our
 * licences are neither, so `rights` carries RightsStatements.org "In Copyright" (true: using a photo needs
 * our licence), and each photo's own licence (name, version, deed URL) travels in its canvas `metadata`
 * and in its `requiredStatement`, the attribution a viewer must show (§3.3.1 requiredStatement).
 */
import { iiifRights } from '../rights/index.ts'
import type { ExportPlan } from './collections.service.ts'

export const IIIF_CONTEXT = 'http://iiif.io/api/presentation/3/context.json'
export const IIIF_MEDIA_TYPE = `application/ld+json;profile="${IIIF_CONTEXT}"`
export const IN_COPYRIGHT = 'http://rightsstatements.org/vocab/InC/1.0/'

type LangMap = Record<string, string[]>

/** A language map with only the languages that have a value; `none` when neither has (spec §4.3). */
function langMap(nl: string | null | undefined, en: string | null | undefined): LangMap {
  const m: LangMap = {}
  if (nl?.trim()) m.nl = [nl.trim()]
  if (en?.trim()) m.en = [en.trim()]
  return Object.keys(m).length ? m : { none: [''] }
}

const entry = (label: LangMap, value: LangMap) => ({ label, value })

/**
 * @param base absolute origin for ids ("https://beeld.example"): every id in a manifest must be an HTTP(S) URI.
 * @param imageUrl the absolute URL of a derivative (what the photo detail lists).
 */
export function buildManifest(
  plan: ExportPlan,
  base: string,
  imageUrl: (photoId: string, preset: string, etag: string) => string,
  creditLine: (e: ExportPlan['entries'][number]) => string,
) {
  const c = plan.collection
  const id = `${base}/v1/collections/${c.id}/manifest.json`
  const credits = [...new Set(plan.entries.map(creditLine))]
  const manifest: { summary?: LangMap } & Record<string, unknown> = {
    '@context': IIIF_CONTEXT,
    id,
    type: 'Manifest',
    label: langMap(c.titleNl, c.titleEn),
    // One rights URI for the whole only when every photo has the same one; each canvas has its own.
    ...(new Set(plan.entries.map((e) => iiifRights(e.licence))).size === 1 ? { rights: iiifRights(plan.entries[0]?.licence) } : {}),
    requiredStatement: entry(
      { nl: ['Naamsvermelding'], en: ['Attribution'] },
      credits.length ? { nl: [`Foto's: ${credits.join('; ')}`], en: [`Photos: ${credits.join('; ')}`] } : { none: ['Eerlijk Beeld'] },
    ),
    metadata: [
      entry(
        { nl: ['Soort'], en: ['Kind'] },
        c.kind === 'exhibition' ? { nl: ['Tentoonstelling'], en: ['Exhibition'] } : { nl: ['Collectie'], en: ['Collection'] },
      ),
    ],
    items: plan.entries.map((e) => {
      const canvas = `${base}/v1/collections/${c.id}/canvas/${e.photo.id}`
      const attribution: LangMap = e.attribution ? { nl: [e.attribution.nl], en: [e.attribution.en] } : { none: [creditLine(e)] }
      const metadata = [entry({ nl: ['Maker'], en: ['Credit'] }, { none: [e.photo.credit] })]
      if (e.licence) {
        metadata.push(
          entry(
            { nl: ['Licentie'], en: ['Licence'] },
            {
              nl: [`${e.licence.shortName.nl} ${e.licence.version}: ${e.licence.deedUrl}`],
              en: [`${e.licence.shortName.en} ${e.licence.version}: ${e.licence.deedUrl}`],
            },
          ),
        )
      }
      if (e.item.noteNl || e.item.noteEn) metadata.push(entry({ nl: ['Notitie'], en: ['Note'] }, langMap(e.item.noteNl, e.item.noteEn)))
      return {
        id: canvas,
        type: 'Canvas',
        label: langMap(e.photo.captionNl, e.photo.captionEn),
        width: e.image.width,
        height: e.image.height,
        metadata,
        requiredStatement: entry({ nl: ['Naamsvermelding'], en: ['Attribution'] }, attribution),
        rights: iiifRights(e.licence),
        items: [
          {
            id: `${canvas}/page`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${canvas}/page/image`,
                type: 'Annotation',
                motivation: 'painting',
                body: {
                  id: imageUrl(e.photo.id, e.image.preset, e.image.etag),
                  type: 'Image',
                  format: 'image/jpeg',
                  width: e.image.width,
                  height: e.image.height,
                },
                target: canvas,
              },
            ],
          },
        ],
      }
    }),
  }
  if (c.notesNl || c.notesEn) manifest.summary = langMap(c.notesNl, c.notesEn)
  return manifest
}
