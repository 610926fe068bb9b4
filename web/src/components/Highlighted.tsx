/**
 * Renders a search highlight ("…the <mark>bike</mark> on…", everything else HTML-escaped by the server)
 * as React text and <mark> elements, without ever handing the string to innerHTML.
 */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" }
export const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m)

export function Highlighted({ html }: { html: string }) {
  const parts = html.split(/(<mark>[\s\S]*?<\/mark>)/g)
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith('<mark>') ? <mark key={i}>{unescapeHtml(part.slice(6, -7))}</mark> : part && <span key={i}>{unescapeHtml(part)}</span>,
      )}
    </>
  )
}

/** The highlight's text without the marks (to compare with the caption). */
export const plainText = (html: string) => unescapeHtml(html.replace(/<\/?mark>/g, ''))
