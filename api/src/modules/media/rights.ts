/**
 * The only metadata we write into derivatives: rights. XMP carries it in Unicode (IPTC Photo Metadata
 * Standard 2024.1: Creator = dc:creator, Copyright Notice = dc:rights, Credit Line = photoshop:Credit,
 * Rights Usage Terms = xmpRights:UsageTerms, Web Statement of Rights = xmpRights:WebStatement, Licensor =
 * plus:Licensor, Model Release Status = plus:ModelReleaseStatus); EXIF IFD0 Artist/Copyright repeat creator
 * and copyright for tools that only read EXIF. EXIF ASCII fields are 7-bit (Exif 3.0 §4.6.2), so those are
 * folded to ASCII.
 */

/**
 * Text in several languages (an XMP Lang Alt): `x-default` first, as XMP Part 1 §8.2.2.4 asks, then each
 * language by its RFC 3066 tag. A plain string is written as x-default alone.
 */
export type LangAlt = string | ({ readonly 'x-default': string } & Readonly<Record<string, string>>)

/**
 * PLUS Model Release Status (PLUS License Data Format, plus:ModelReleaseStatus): written as the vocabulary
 * URI http://ns.useplus.org/ldf/vocab/MR-*, as ExifTool writes and reads it.
 */
export const MODEL_RELEASE_STATUS = {
  none: 'MR-NON',
  'not-applicable': 'MR-NAP',
  unlimited: 'MR-UMR',
  /** Limited or incomplete model releases: consent covers some uses only (every photo in this bank). */
  limited: 'MR-LMR',
} as const
export type ModelReleaseStatus = keyof typeof MODEL_RELEASE_STATUS
const PLUS_VOCAB = 'http://ns.useplus.org/ldf/vocab/'

export interface Rights {
  /** dc:creator (and EXIF Artist): the public credit, never a legal name unless the person chose it. */
  creator: string
  /** photoshop:Credit: the credit line to publish. */
  credit: string
  /** dc:rights (and EXIF Copyright): the copyright notice. */
  copyright: string
  /** plus:Licensor/plus:LicensorURL: where the image can be licensed. */
  licensorUrl?: string
  /** xmpRights:UsageTerms. */
  usageTerms?: LangAlt
  /** xmpRights:WebStatement: the licence deed. */
  webStatement?: string
  /** plus:ModelReleaseStatus. */
  modelReleaseStatus?: ModelReleaseStatus
  /** plus:Licensor/plus:LicensorName (with licensorUrl). */
  licensorName?: string
  /** The licence deed: cc:license and plus:TermsAndConditionsURL. */
  licenceUrl?: string
  /** dc:description (IPTC Description / caption), in the served language(s). */
  description?: LangAlt
  /** Iptc4xmpCore:AltTextAccessibility (IPTC Alt Text (Accessibility), 2021.1). */
  altText?: LangAlt
  /** dc:subject (IPTC Keywords). */
  keywords?: readonly string[]
  /** photoshop:Instructions (IPTC Instructions): what a desk must do. */
  instructions?: string
  /** A download's grant, as PLUS licence data. */
  grant?: GrantRights
}

/** PLUS License Data Format fields of one download grant (https://ns.useplus.org/LDF/ldf-XMPSpecification). */
export interface GrantRights {
  /** plus:Licensee/plus:LicenseeName: the organisation. */
  licensee: string
  /** plus:LicenseID: the grant id. */
  licenceId: string
  /** plus:LicenseTransactionDate (YYYY-MM-DD). */
  grantedOn: string
  /** plus:LicenseEndDate (YYYY-MM-DD): the last day consent holds, when it ends. */
  validUntil?: string | null
  /** plus:OtherConstraints: "use: editorial; channel: online; topic: housing". */
  constraints: string
  /** plus:OtherLicenseInfo: the licence and its version ("rsw-editorial 1.0"). */
  licenceVersion: string
}

/** Characters XML 1.0 (§2.2) does not allow, plus lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function xml(text: string): string {
  return text.normalize('NFC').replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

const clean = (value: string | undefined) => (value ?? '').trim()

/** An XMP packet holding only rights; no tool name, no dates, no document ids. */
export function rightsXmp(rights: Rights): string {
  const lines: string[] = []
  const alt = (tag: string, value: LangAlt | undefined) => {
    const entries = (typeof value === 'string' ? [['x-default', value] as const] : Object.entries(value ?? {}))
      .map(([lang, text]) => [lang, clean(text)] as const)
      .filter(([lang, text]) => text && /^(x-default|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(lang))
      .sort(([a], [b]) => Number(b === 'x-default') - Number(a === 'x-default'))
    if (entries[0]?.[0] !== 'x-default') return
    lines.push(`<${tag}><rdf:Alt>${entries.map(([lang, text]) => `<rdf:li xml:lang="${lang}">${xml(text)}</rdf:li>`).join('')}</rdf:Alt></${tag}>`)
  }
  if (clean(rights.creator)) lines.push(`<dc:creator><rdf:Seq><rdf:li>${xml(clean(rights.creator))}</rdf:li></rdf:Seq></dc:creator>`)
  if (clean(rights.copyright)) alt('dc:rights', clean(rights.copyright))
  if (clean(rights.credit)) lines.push(`<photoshop:Credit>${xml(clean(rights.credit))}</photoshop:Credit>`)
  alt('xmpRights:UsageTerms', rights.usageTerms)
  if (clean(rights.webStatement)) lines.push(`<xmpRights:WebStatement>${xml(clean(rights.webStatement))}</xmpRights:WebStatement>`)
  if (clean(rights.licensorUrl)) {
    const name = clean(rights.licensorName) ? `<plus:LicensorName>${xml(clean(rights.licensorName))}</plus:LicensorName>` : ''
    lines.push(
      `<plus:Licensor><rdf:Seq><rdf:li rdf:parseType="Resource">${name}<plus:LicensorURL>${xml(clean(rights.licensorUrl))}</plus:LicensorURL></rdf:li></rdf:Seq></plus:Licensor>`,
    )
  }
  if (rights.modelReleaseStatus) {
    lines.push(`<plus:ModelReleaseStatus>${PLUS_VOCAB}${MODEL_RELEASE_STATUS[rights.modelReleaseStatus]}</plus:ModelReleaseStatus>`)
  }
  alt('dc:description', rights.description)
  alt('Iptc4xmpCore:AltTextAccessibility', rights.altText)
  const keywords = (rights.keywords ?? []).map(clean).filter(Boolean)
  if (keywords.length) lines.push(`<dc:subject><rdf:Bag>${keywords.map((k) => `<rdf:li>${xml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`)
  if (clean(rights.instructions)) lines.push(`<photoshop:Instructions>${xml(clean(rights.instructions))}</photoshop:Instructions>`)
  if (clean(rights.licenceUrl)) {
    lines.push(`<cc:license rdf:resource="${xml(clean(rights.licenceUrl))}"/>`)
    lines.push(`<plus:TermsAndConditionsURL>${xml(clean(rights.licenceUrl))}</plus:TermsAndConditionsURL>`)
  }
  if (clean(rights.creator)) lines.push(`<cc:attributionName>${xml(clean(rights.creator))}</cc:attributionName>`)
  const g = rights.grant
  if (g) {
    lines.push(
      `<plus:Licensee><rdf:Seq><rdf:li rdf:parseType="Resource"><plus:LicenseeName>${xml(clean(g.licensee))}</plus:LicenseeName></rdf:li></rdf:Seq></plus:Licensee>`,
    )
    lines.push(`<plus:LicenseID>${xml(clean(g.licenceId))}</plus:LicenseID>`)
    lines.push(`<plus:LicenseTransactionDate>${xml(g.grantedOn)}</plus:LicenseTransactionDate>`)
    if (g.validUntil) lines.push(`<plus:LicenseEndDate>${xml(g.validUntil)}</plus:LicenseEndDate>`)
    alt('plus:OtherConstraints', g.constraints)
    alt('plus:OtherLicenseInfo', g.licenceVersion)
  }
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"',
    ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"',
    ' xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"',
    ' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"',
    ' xmlns:cc="http://creativecommons.org/ns#">',
    ...lines,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n')
}

const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'Th',
  ð: 'd',
  Ð: 'D',
  ı: 'i',
  '©': '(c)',
  '®': '(R)',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '″': '"',
  '–': '-',
  '—': '-',
  '−': '-',
  '…': '...',
  '\u00a0': ' ',
  '·': '.',
  '•': '-',
}

/** Printable ASCII for EXIF: decompose accents (é → e), map a few letters and symbols, drop the rest. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, (c) => FOLD[c] ?? '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** IFD0 fields for sharp's withExif(), or null when there is nothing to write. */
export function rightsExif(rights: Rights): { IFD0: Record<string, string> } | null {
  const IFD0: Record<string, string> = {}
  const artist = asciiFold(clean(rights.creator))
  const copyright = asciiFold(clean(rights.copyright))
  if (artist) IFD0.Artist = artist
  if (copyright) IFD0.Copyright = copyright
  return Object.keys(IFD0).length > 0 ? { IFD0 } : null
}
