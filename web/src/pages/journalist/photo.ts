/** GET /v1/photos/:id and POST /v1/photos/:id/downloads as the gallery reads them. */
import type { Json } from '../../api.ts'

export type Photo = Json<'/v1/photos/{id}', 'get'>
export type DownloadResponse = Json<'/v1/photos/{id}/downloads', 'post', 201>
export type Size = NonNullable<Photo['downloadSizes']>[number]

/**
 * The sizes to offer, smallest first, 'full' last: what a download grant gives when the API says so (a desk
 * sees previews up to medium, but a grant has every size); otherwise the sizes shown, and 'full'.
 */
export function sizesOf(photo: Photo): Size[] {
  if (photo.downloadSizes) return photo.downloadSizes
  const shown = photo.derivatives.filter((d) => d.format === 'jpeg' && d.preset !== 'thumb').sort((a, b) => a.width - b.width)
  return [...shown.map(({ preset, width, height }) => ({ preset, width, height })), { preset: 'full', width: photo.width, height: photo.height }]
}
