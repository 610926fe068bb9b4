/**
 * How the gallery shows photos in a grid, shared by the app (web/src/components/PhotoGrid.tsx,
 * web/src/pages/journalist/Landing.tsx) and the server's first paint (api/src/platform/gallery.ts: the first
 * results' markup and the images it preloads). Both must ask for the same files, or a visitor downloads a
 * photo twice: the browser picks a file from the presets offered and the `sizes` given, so one value here.
 */

/** The result grid: which presets its <picture> offers, and how wide a tile is at most at each width. */
export const GRID_PRESETS = ['thumb', 'small', 'medium'] as const
export const GRID_SIZES = '(min-width: 72rem) 600px, (min-width: 40rem) 480px, 80vw'
/** How many of a search's first results load eagerly and first (the rest load as they scroll into view). */
export const GRID_EAGER = 6

/** The front page's mosaic: its three photos, their presets and size. */
export const HERO_COUNT = 3
export const HERO_PRESETS = ['small', 'medium'] as const
export const HERO_SIZES = '22rem'
