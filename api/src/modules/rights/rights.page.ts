/**
 * The human side of the live rights check and of our licence deeds: small static HTML pages, Dutch first,
 * English second, no scripts. Every value is escaped.
 */
import type { Licence } from '../licences/index.ts'
import type { GrantRightsView, PhotoRightsView } from './rights.service.ts'

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d1d1b}h1{font-size:1.6rem}.s{padding:.75rem 1rem;border-radius:.5rem;font-weight:600}.available{background:#e3f4e8}.narrowed{background:#fff4d6}.remove{background:#fde2e1}section+section{border-top:1px solid #ccc;margin-top:1.5rem}'

function page(lang: 'nl' | 'en', title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`
}

const WORDS = {
  nl: {
    title: 'Rechtencheck',
    status: { available: 'Mag gebruikt worden', narrowed: 'Toestemming beperkt', remove: 'Niet meer gebruiken: weghalen' },
    removeBy: 'Uiterlijk weghalen op',
    licence: 'Licentie',
    uses: 'Toegestaan gebruik nu',
    topics: 'Niet bij deze onderwerpen',
    changed: 'Wat veranderde',
    removedUses: 'niet meer voor',
    addedTopics: 'niet meer bij onderwerpen',
    endsEarlier: 'toestemming eindigt eerder, op',
    recognisable: 'niet meer herkenbaar te gebruiken',
    outlet: 'uw organisatie mag de foto niet meer gebruiken',
    grant: 'Download',
    checked: 'Gecontroleerd op',
    json: 'Als JSON',
  },
  en: {
    title: 'Rights check',
    status: { available: 'May be used', narrowed: 'Consent narrowed', remove: 'No longer to be used: remove it' },
    removeBy: 'Remove by',
    licence: 'Licence',
    uses: 'Permitted uses now',
    topics: 'Not with these topics',
    changed: 'What changed',
    removedUses: 'no longer for',
    addedTopics: 'no longer with topics',
    endsEarlier: 'consent ends earlier, on',
    recognisable: 'no longer to be used recognisably',
    outlet: 'your organisation may no longer use the photo',
    grant: 'Download',
    checked: 'Checked at',
    json: 'As JSON',
  },
}

function section(v: PhotoRightsView | GrantRightsView, lang: 'nl' | 'en'): string {
  const w = WORDS[lang]
  const parts = [`<p class="s ${v.status}">${esc(w.status[v.status])}. ${esc(v.message[lang])}</p>`]
  if (v.removeBy)
    parts.push(`<p><strong>${w.removeBy}:</strong> <time datetime="${esc(v.removeBy)}">${esc(v.removeBy.replace('T', ' ').slice(0, 16))} UTC</time></p>`)
  if ('grant' in v)
    parts.push(
      `<p><strong>${w.grant}:</strong> ${esc(v.grant.id)} · ${esc(v.grant.use)} · ${esc(v.grant.channel)}${v.grant.topic ? ` · ${esc(v.grant.topic)}` : ''} · ${esc(v.grant.grantedOn)}</p>`,
    )
  if (v.licence) parts.push(`<p><strong>${w.licence}:</strong> <a href="${esc(v.licence.url)}">${esc(v.licence.title[lang])} ${esc(v.licence.version)}</a></p>`)
  if (v.permittedUses.length) parts.push(`<p><strong>${w.uses}:</strong> ${v.permittedUses.map((u) => esc(u.label[lang])).join(', ')}</p>`)
  if (v.excludedTopics.length) parts.push(`<p><strong>${w.topics}:</strong> ${v.excludedTopics.map((t) => esc(t.label[lang])).join(', ')}</p>`)
  const c = v.changes
  if (c) {
    const items: string[] = []
    if (c.removedUses.length) items.push(`${w.removedUses} ${c.removedUses.map((u) => esc(u.label[lang])).join(', ')}`)
    if (c.addedExcludedTopics.length) items.push(`${w.addedTopics} ${c.addedExcludedTopics.map((t) => esc(t.label[lang])).join(', ')}`)
    if (c.consentEndsEarlier) items.push(`${w.endsEarlier} ${esc(c.consentEndsEarlier)}`)
    if (c.recognisableUseEnded) items.push(w.recognisable)
    if (c.outletNoLongerPermitted) items.push(w.outlet)
    parts.push(`<p><strong>${w.changed} (${esc(c.since.slice(0, 10))}):</strong></p><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`)
  }
  parts.push(`<p><small>${w.checked} ${esc(v.checkedAt.replace('T', ' ').slice(0, 19))} UTC</small></p>`)
  return parts.join('')
}

export function rightsPage(v: PhotoRightsView | GrantRightsView, jsonUrl: string): string {
  const body = (['nl', 'en'] as const)
    .map(
      (lang) =>
        `<section lang="${lang}"><h1>${WORDS[lang].title}</h1>${section(v, lang)}<p><a href="${esc(v.photoPage)}">${esc(v.photoPage)}</a> · <a href="${esc(jsonUrl)}">${WORDS[lang].json}</a></p></section>`,
    )
    .join('')
  return page('nl', `${WORDS.nl.title} / ${WORDS.en.title}`, body)
}

/** Minimal Markdown (headings, paragraphs, lists, bold) for our licence texts: escaped first, then marked up. */
function markdown(text: string): string {
  const html: string[] = []
  for (const block of text.split(/\n{2,}/)) {
    const b = block.trim()
    if (!b) continue
    const inline = (s: string) =>
      esc(s)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    const h = /^(#{1,4})\s+(.*)$/.exec(b)
    if (h && !b.includes('\n')) html.push(`<h${h[1]!.length + 1}>${inline(h[2]!)}</h${h[1]!.length + 1}>`)
    else if (/^([-*]|\d+\.)\s/.test(b))
      html.push(
        `<ul>${b
          .split(/\n(?=[-*]\s|\d+\.\s)/)
          .map((li) => `<li>${inline(li.replace(/^([-*]|\d+\.)\s+/, ''))}</li>`)
          .join('')}</ul>`,
      )
    else html.push(`<p>${inline(b)}</p>`)
  }
  return html.join('')
}

/** The deed of one of our own licence versions: summary, then the full text, Dutch and English. */
export function deedPage(l: Licence): string {
  const body = (['nl', 'en'] as const)
    .map((lang) => `<section lang="${lang}"><h1>${esc(l.title[lang])} ${esc(l.version)}</h1><p>${esc(l.summary[lang])}</p>${markdown(l.text[lang])}</section>`)
    .join('')
  return page('nl', `${l.title.nl} ${l.version}`, `${body}<p><small>SHA-256 ${esc(l.sha256)}</small></p>`)
}
