/** A photo's dominant colour ('#rrggbb') sorted into one of the named COLOURS, and its orientation. */
import type { Colour, Orientation } from './search.port.ts'

/** Square when the sides differ by at most 5 %: a 1210×1190 crop is still square to a picture editor. */
export function orientationOf(width: number, height: number): Orientation {
  const ratio = width / height
  if (Math.abs(ratio - 1) <= 0.05) return 'square'
  return ratio > 1 ? 'landscape' : 'portrait'
}

/**
 * HSL bucketing. Lightness decides black and white first, low saturation makes grey, dark oranges are
 * brown, light reds are pink; the rest goes by hue. Unparseable input → null (no colour facet).
 */
export function colourFamily(hex: string | null | undefined): Colour | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '')
  if (!m) return null
  const n = parseInt(m[1]!, 16)
  const r = ((n >> 16) & 255) / 255
  const g = ((n >> 8) & 255) / 255
  const b = (n & 255) / 255
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const l = (max + min) / 2
  const d = max - min
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1))
  let h = 0
  if (d !== 0) {
    if (max === r) h = 60 * (((g - b) / d) % 6)
    else if (max === g) h = 60 * ((b - r) / d + 2)
    else h = 60 * ((r - g) / d + 4)
  }
  if (h < 0) h += 360
  if (l < 0.12) return 'black'
  if (l > 0.92) return 'white'
  if (s < 0.15) return l < 0.3 ? 'black' : l > 0.8 ? 'white' : 'grey'
  if (h >= 15 && h < 45 && l < 0.45) return 'brown'
  if ((h < 15 || h >= 345) && l > 0.75) return 'pink'
  if (h < 15 || h >= 345) return 'red'
  if (h < 45) return 'orange'
  if (h < 70) return 'yellow'
  if (h < 170) return 'green'
  if (h < 260) return 'blue'
  if (h < 300) return 'purple'
  return 'pink'
}
