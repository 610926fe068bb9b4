/** Which private kinds an XMP packet holds, by namespace URI (whatever prefixes the packet binds), and its capture date. */
import type { PrivacyKind } from './privacy.ts'

// ----------------------------------------------------------------------------------------------- XMP

const NS = {
  exif: 'http://ns.adobe.com/exif/1.0/',
  exifEX: 'http://cipa.jp/exif/1.0/',
  tiff: 'http://ns.adobe.com/tiff/1.0/',
  aux: 'http://ns.adobe.com/exif/1.0/aux/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  xmpMM: 'http://ns.adobe.com/xap/1.0/mm/',
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  dc: 'http://purl.org/dc/elements/1.1/',
  crs: 'http://ns.adobe.com/camera-raw-settings/1.0/',
  iptcCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  iptcExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  mwgRegions: 'http://www.metadataworkinggroup.com/schemas/regions/',
  msPhoto: 'http://ns.microsoft.com/photo/1.2/',
} as const

/** [namespace, property names (null = any property), kind] */
const XMP_RULES: [string, string[] | null, PrivacyKind][] = [
  [NS.exif, ['DateTimeOriginal', 'DateTimeDigitized'], 'timestamps'],
  [NS.exif, ['UserComment'], 'comment'],
  [NS.exif, ['ImageUniqueID', 'BodySerialNumber', 'LensSerialNumber'], 'serial'],
  [NS.exif, ['CameraOwnerName'], 'owner'],
  [NS.exifEX, ['BodySerialNumber', 'LensSerialNumber', 'ImageUniqueID'], 'serial'],
  [NS.exifEX, ['CameraOwnerName', 'Photographer', 'ImageEditor'], 'owner'],
  [NS.exifEX, ['LensMake', 'LensModel', 'LensSpecification'], 'device'],
  [NS.tiff, ['Make', 'Model'], 'device'],
  [NS.tiff, ['Artist', 'Copyright'], 'owner'],
  [NS.tiff, ['DateTime'], 'timestamps'],
  [NS.tiff, ['Software'], 'software'],
  [NS.tiff, ['ImageDescription'], 'comment'],
  [NS.aux, ['SerialNumber', 'LensSerialNumber'], 'serial'],
  [NS.aux, ['Lens', 'LensID', 'LensInfo'], 'device'],
  [NS.aux, ['OwnerName'], 'owner'],
  [NS.aux, ['Firmware'], 'software'],
  [NS.xmp, ['CreatorTool'], 'software'],
  [NS.xmp, ['CreateDate', 'ModifyDate', 'MetadataDate'], 'timestamps'],
  [NS.xmp, ['Thumbnails'], 'thumbnail'],
  [NS.xmpMM, null, 'xmp-history'],
  [NS.xmpRights, ['Owner'], 'owner'],
  [NS.photoshop, ['City', 'State', 'Country'], 'location'],
  [NS.photoshop, ['DateCreated'], 'timestamps'],
  [NS.photoshop, ['AuthorsPosition', 'CaptionWriter', 'Credit', 'Source'], 'owner'],
  [NS.photoshop, ['History', 'DocumentAncestors'], 'xmp-history'],
  [NS.photoshop, ['Headline'], 'comment'],
  [NS.dc, ['creator', 'rights', 'contributor', 'publisher'], 'owner'],
  [NS.dc, ['description', 'title', 'subject'], 'comment'],
  [NS.crs, ['RawFileName'], 'xmp-history'],
  [NS.iptcCore, ['Location', 'CountryCode'], 'location'],
  [NS.iptcCore, ['CreatorContactInfo'], 'owner'],
  [NS.iptcExt, ['LocationShown', 'LocationCreated'], 'location'],
  [NS.iptcExt, ['PersonInImage', 'PersonInImageWDetails'], 'people'],
  [NS.mwgRegions, ['Regions'], 'people'],
  [NS.msPhoto, ['RegionInfo'], 'people'],
]

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Prefixes bound to each namespace URI in this packet (a prefix is only a local name for a URI). */
function prefixesByUri(xmp: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const m of xmp.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g)) {
    const list = map.get(m[2]!) ?? []
    list.push(m[1]!)
    map.set(m[2]!, list)
  }
  return map
}

/** A property appears as an element (<p:Name>) or as an attribute ( p:Name="…"). */
function propertyPattern(prefix: string, names: string[] | null): RegExp {
  const local = names === null ? '[A-Za-z_][\\w.-]*' : `(?:${names.join('|')})`
  return new RegExp(`[<\\s]${escapeRe(prefix)}:${local}[\\s=>/]`)
}

export function xmpKinds(xmp: string): Set<PrivacyKind> {
  const kinds = new Set<PrivacyKind>(['xmp'])
  const prefixes = prefixesByUri(xmp)
  for (const [uri, names, kind] of XMP_RULES) {
    for (const prefix of prefixes.get(uri) ?? []) {
      if (propertyPattern(prefix, names).test(xmp)) kinds.add(kind)
    }
  }
  if (/[<\s][\w.-]+:\w*(?:GPS|Gps|Latitude|Longitude)\w*[\s=>/]/.test(xmp)) kinds.add('gps')
  return kinds
}

/** The first date found among the XMP capture-date properties, as written. */
export function xmpCaptureDate(xmp: string): string | undefined {
  const prefixes = prefixesByUri(xmp)
  const candidates: [string, string][] = [
    [NS.exif, 'DateTimeOriginal'],
    [NS.xmp, 'CreateDate'],
    [NS.photoshop, 'DateCreated'],
  ]
  for (const [uri, name] of candidates) {
    for (const prefix of prefixes.get(uri) ?? []) {
      const p = escapeRe(prefix)
      const m = new RegExp(`[<\\s]${p}:${name}\\s*(?:=\\s*["']([^"']*)["']|>([^<]*)<)`).exec(xmp)
      const value = m?.[1] ?? m?.[2]
      if (value) return value
    }
  }
  return undefined
}
