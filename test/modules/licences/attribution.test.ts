import { describe, expect, it } from 'vitest'
import { attribution, attributions, creditLine, loadLicences, parseTemplate, TemplateError } from '../../../api/src/modules/licences/index.ts'

const registry = loadLicences()
const editorial = registry.get('rsw-editorial', '1.0')!
const DEED = 'https://eerlijkbeeld.nl/licenties/rsw-editorial/1.0'

describe('attribution', () => {
  it('writes the Dutch attribution from the licence template, as text, HTML and Markdown', () => {
    expect(attribution(editorial, { photographer: 'Sam V.' }, 'nl')).toEqual({
      text: 'Foto: Sam V. / Reimagining Sex Work via Eerlijk Beeld (RSW-redactielicentie 1.0)',
      html: `Foto: Sam V. / Reimagining Sex Work via Eerlijk Beeld (<a href="${DEED}" rel="license">RSW-redactielicentie 1.0</a>)`,
      markdown: `Foto: Sam V. / Reimagining Sex Work via Eerlijk Beeld ([RSW-redactielicentie 1.0](${DEED}))`,
    })
  })

  it('writes the English attribution, with the title when the photo has one in that language', () => {
    const input = { photographer: 'Sam V.', title: { nl: 'Ochtenddienst', en: 'Morning shift' } }
    expect(attribution(editorial, input, 'en')).toEqual({
      text: '“Morning shift” – Photo: Sam V. / Reimagining Sex Work via Eerlijk Beeld (RSW editorial licence 1.0)',
      html: `“Morning shift” – Photo: Sam V. / Reimagining Sex Work via Eerlijk Beeld (<a href="${DEED}" rel="license">RSW editorial licence 1.0</a>)`,
      markdown: `“Morning shift” – Photo: Sam V. / Reimagining Sex Work via Eerlijk Beeld ([RSW editorial licence 1.0](${DEED}))`,
    })
    expect(attribution(editorial, input, 'nl').text).toBe('‘Ochtenddienst’ – Foto: Sam V. / Reimagining Sex Work via Eerlijk Beeld (RSW-redactielicentie 1.0)')
    // No English title: the optional part is left out, not filled with the Dutch one or left empty.
    expect(attribution(editorial, { photographer: 'Sam V.', title: { nl: 'Ochtenddienst', en: '  ' } }, 'en').text).toBe(
      'Photo: Sam V. / Reimagining Sex Work via Eerlijk Beeld (RSW editorial licence 1.0)',
    )
  })

  it('gives each licence its own name and deed, in both languages at once', () => {
    for (const l of registry.published()) {
      const both = attributions(l, { photographer: 'Noor' })
      for (const lang of ['nl', 'en'] as const) {
        expect(both[lang].text).toContain(`${l.shortName[lang]} ${l.version}`)
        expect(both[lang].html).toContain(`<a href="${l.deedUrl}" rel="license">`)
        expect(both[lang].markdown).toContain(`](${l.deedUrl})`)
      }
    }
  })

  it('escapes a hostile credit in HTML and Markdown, and keeps it verbatim in plain text', () => {
    const photographer = '<script>alert("x")</script> & Co\'s <b>'
    const a = attribution(editorial, { photographer, title: { en: '<img src=x onerror=alert(1)> & [link](javascript:alert(1))' } }, 'en')
    expect(a.text).toBe(
      '“<img src=x onerror=alert(1)> & [link](javascript:alert(1))” – Photo: <script>alert("x")</script> & Co\'s <b> / Reimagining Sex Work via Eerlijk Beeld (RSW editorial licence 1.0)',
    )
    expect(a.html).toBe(
      '“&lt;img src=x onerror=alert(1)&gt; &amp; [link](javascript:alert(1))” – Photo: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s &lt;b&gt; / ' +
        `Reimagining Sex Work via Eerlijk Beeld (<a href="${DEED}" rel="license">RSW editorial licence 1.0</a>)`,
    )
    // The only tag in the HTML is our link; the only raw & starts an entity.
    expect(a.html.match(/<[a-z/][^>]*>/gi)).toEqual([`<a href="${DEED}" rel="license">`, '</a>'])
    expect(a.html.match(/&(?!amp;|lt;|gt;|quot;|#39;)/g)).toBeNull()
    expect(a.markdown).toBe(
      '“\\<img src=x onerror=alert(1)\\> \\& \\[link\\](javascript:alert(1))” – Photo: \\<script\\>alert("x")\\</script\\> \\& Co\'s \\<b\\> / ' +
        `Reimagining Sex Work via Eerlijk Beeld ([RSW editorial licence 1.0](${DEED}))`,
    )
    // In Markdown, no unescaped < or [ remains except our own link.
    expect(a.markdown.replace(`[RSW editorial licence 1.0](${DEED})`, '').match(/(?<!\\)[<[&]/g)).toBeNull()
  })

  it('keeps a credit on one line and drops controls and bidi overrides that could disguise it', () => {
    const a = attribution(editorial, { photographer: '  Sam\nV.\u202E gnp.exe\u0007\t ' }, 'en')
    expect(a.text).toBe('Photo: Sam V. gnp.exe / Reimagining Sex Work via Eerlijk Beeld (RSW editorial licence 1.0)')
    expect(a.html).not.toMatch(/[\n\u202E\u0007]/)
  })

  it('keeps names in any script, normalised to NFC', () => {
    const a = attribution(editorial, { photographer: 'Zoë Ş. / 李'.normalize('NFD') }, 'nl')
    expect(a.text.startsWith('Foto: Zoë Ş. / 李 / ')).toBe(true)
    expect(a.html.startsWith('Foto: Zoë Ş. / 李 / ')).toBe(true)
  })

  it('refuses to attribute without a credit', () => {
    expect(() => attribution(editorial, { photographer: ' \n ' }, 'nl')).toThrow(RangeError)
    expect(() => creditLine(editorial, '')).toThrow(RangeError)
  })
})

describe('creditLine', () => {
  it('is the language-neutral IPTC credit line from the licence', () => {
    expect(creditLine(editorial, 'Sam V.')).toBe('Sam V. / Reimagining Sex Work via Eerlijk Beeld')
    expect(creditLine(editorial, 'A & <B>')).toBe('A & <B> / Reimagining Sex Work via Eerlijk Beeld')
  })
})

describe('parseTemplate', () => {
  it.each([
    ['Photo: {author}', /unknown placeholder \{author\}/],
    ['Photo: [{title} [{photographer}]]', /cannot be nested/],
    ['Photo: {photographer}]', /"\]" without "\["/],
    ['Photo: [{photographer}', /"\[" without "\]"/],
    ['Photo: {photographer', /stray "\{"/],
    ['Photo: photographer}', /stray "\}"/],
  ])('refuses %s', (template, message) => {
    expect(() => parseTemplate(template, ['photographer', 'title'])).toThrow(TemplateError)
    expect(() => parseTemplate(template, ['photographer', 'title'])).toThrow(message)
  })
})
