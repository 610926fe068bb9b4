/** Plain-language names of the kinds of private data a file can carry, for the uploader's privacy report. */
const KINDS: Record<string, { nl: string; en: string }> = {
  gps: { nl: 'GPS-positie', en: 'GPS position' },
  device: { nl: 'merk en model van de camera', en: 'camera make and model' },
  serial: { nl: 'serienummers van camera of lens', en: 'camera or lens serial numbers' },
  owner: { nl: 'namen van eigenaar of maker', en: 'owner or artist names' },
  software: { nl: 'gebruikte software', en: 'software used' },
  timestamps: { nl: 'exacte datum en tijd', en: 'exact date and time' },
  thumbnail: { nl: 'ingesloten miniatuur (kan een oudere versie van de foto tonen)', en: 'embedded thumbnail (can show an older version of the photo)' },
  'xmp-history': { nl: 'bewerkingsgeschiedenis (XMP)', en: 'edit history (XMP)' },
  xmp: { nl: 'overige XMP-gegevens', en: 'other XMP data' },
  iptc: { nl: 'IPTC-gegevens (bijschrift, plaats, maker)', en: 'IPTC data (caption, place, creator)' },
  comment: { nl: 'opmerkingen in het bestand', en: 'comments in the file' },
  'maker-notes': { nl: 'fabrikantgegevens (maker notes)', en: 'manufacturer data (maker notes)' },
  location: { nl: 'plaatsnamen (stad, wijk, land)', en: 'place names (city, area, country)' },
  people: { nl: 'namen van mensen op de foto (gezichtsmarkeringen)', en: 'names of people in the photo (face tags)' },
  'content-credentials': { nl: 'inhoudsgegevens (C2PA: ondertekenaar en apparaat)', en: 'content credentials (C2PA: signer and device)' },
  'trailing-data': {
    nl: 'verborgen gegevens achter de foto (bijvoorbeeld een bewegende foto)',
    en: 'hidden data after the image (a motion-photo video, for example)',
  },
}

export function describeKinds(kinds: readonly string[]): { nl: string; en: string } {
  if (kinds.length === 0) {
    return { nl: 'Er zaten geen privégegevens in het bestand.', en: 'The file carried no private data.' }
  }
  const nl = kinds.map((k) => KINDS[k]?.nl ?? k)
  const en = kinds.map((k) => KINDS[k]?.en ?? k)
  return {
    nl: `Verwijderd: ${nl.join(', ')}. Niets hiervan is bewaard of wordt meegestuurd.`,
    en: `Removed: ${en.join(', ')}. None of it is kept or served.`,
  }
}
