import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../support/app.ts'
import { client, person, publishedPhoto, type Call, type Staff } from '../erasure/erasure-support.ts'

let t: TestApp
let call: Call
let staff: Staff
const PUBLIC = 'https://beeld.example'

beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: PUBLIC, LOGIN_RATE_LIMIT: '1000' })
  call = client(t.url)
  const [p, c, a] = await Promise.all([t.user('photographer'), t.user('curator'), t.user('admin')])
  staff = { photographer: p.token, curator: c.token, admin: a.token }
})
afterAll(() => t?.close())

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers })
const oembed = (url: string, extra = '') => call('GET', `/v1/oembed?url=${encodeURIComponent(url)}${extra}`, null)

describe('oEmbed', () => {
  it('answers a photo page URL with a rich oEmbed 1.0 document: an iframe of the embed page, the credit as author', async () => {
    const model = await person(call, staff, 'Ada')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const r = await oembed(`${PUBLIC}/photos/${photo.id}`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toContain('application/json')
    const view = (await call('GET', `/v1/photos/${photo.id}`, staff.curator)).body
    const credit = view.credit as string
    // The medium size, or (a 900-px photo is never upscaled to 1280) the largest below it.
    const jpegs = view.derivatives.filter((d: { format: string }) => d.format === 'jpeg')
    const size = jpegs.find((d: { preset: string }) => d.preset === 'medium') ?? jpegs.find((d: { preset: string }) => d.preset === 'small')
    expect(size.preset).toBe('small')
    const [w, h] = [size.width as number, size.height as number]
    expect(r.body).toEqual({
      version: '1.0',
      type: 'rich',
      provider_name: 'Eerlijk Beeld',
      provider_url: `${PUBLIC}/`,
      author_name: credit,
      cache_age: expect.any(Number),
      width: w,
      height: h + 72,
      html: expect.stringContaining(`<iframe src="${PUBLIC}/embed/${photo.id}" width="${w}" height="${h + 72}"`),
    })
    expect(r.body.html).not.toMatch(/<script/i)
    expect(r.body.html).toContain('sandbox=')
    // maxwidth / maxheight scale it down, keeping the aspect ratio; never up.
    const small = await oembed(`${PUBLIC}/photos/${photo.id}`, '&format=json&maxwidth=320')
    expect([small.body.width, small.body.height]).toEqual([320, Math.floor((h * 320) / w) + 72])
    const short = await oembed(`${PUBLIC}/photos/${photo.id}/`, '&maxheight=422')
    expect(short.body.height).toBeLessThanOrEqual(422)
    expect((await oembed(`${PUBLIC}/photos/${photo.id}`, '&maxwidth=5000')).body.width).toBe(w)
  })

  it('answers 501 for format=xml, 404 problems for what it does not know, 400 for bad parameters', async () => {
    const model = await person(call, staff, 'Bo')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const xml = await oembed(`${PUBLIC}/photos/${photo.id}`, '&format=xml')
    expect(xml.status).toBe(501)
    expect(xml.headers.get('content-type')).toContain('application/problem+json')
    for (const url of [
      `${PUBLIC}/photos/00000000-0000-4000-8000-000000000000`,
      `https://elsewhere.example/photos/${photo.id}`,
      `${PUBLIC}.evil.example/photos/${photo.id}`,
      `${PUBLIC}/collections/${photo.id}`,
      `${PUBLIC}/photos/${photo.id}/../../admin`,
      'javascript:alert(1)',
    ]) {
      const r = await oembed(url)
      expect(r.status, url).toBe(404)
      expect(r.headers.get('content-type')).toContain('application/problem+json')
    }
    expect((await call('GET', '/v1/oembed', null)).status).toBe(400)
    expect((await oembed(`${PUBLIC}/photos/${photo.id}`, '&maxwidth=0')).status).toBe(400)
    expect((await oembed(`${PUBLIC}/photos/${photo.id}`, '&callback=x')).status).toBe(400)
  })
})

describe('the embed page', () => {
  it('shows the photo with its credit and licence as text, may be framed by anyone, runs no scripts, and is not cached', async () => {
    const model = await person(call, staff, 'Cato')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const res = await get(`/embed/${photo.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    const view = (await call('GET', `/v1/photos/${photo.id}`, staff.curator)).body
    expect(html).toContain(view.attribution.nl.text.replace(/&/g, '&amp;'))
    expect(html).toContain(view.attribution.en.text.replace(/&/g, '&amp;'))
    expect(html).toContain(`src="/embed/${photo.id}/image.jpg"`)
    expect(html).toContain('alt="Iemand bij het raam"')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toContain(model.legalName)
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain('frame-ancestors *')
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toContain('script-src')
    expect(res.headers.get('x-frame-options')).toBeNull()
    expect(res.headers.get('cache-control')).toBe('no-store')
    // Every other route keeps the global policy: not framable.
    const other = await get('/healthz')
    expect(other.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(other.headers.get('content-security-policy')).not.toContain('frame-ancestors *')

    const img = await get(`/embed/${photo.id}/image.jpg`)
    expect(img.status).toBe(200)
    expect(img.headers.get('content-type')).toBe('image/jpeg')
    expect(img.headers.get('cache-control')).toBe('private, no-cache')
    const bytes = Buffer.from(await img.arrayBuffer())
    expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8')
    // Revalidation is cheap while it may be shown...
    expect((await get(`/embed/${photo.id}/image.jpg`, { 'if-none-match': img.headers.get('etag')! })).status).toBe(304)

    // ...and the moment consent ends, the page shows the neutral words (410) and the image stops.
    expect((await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })).status).toBe(200)
    const gone = await get(`/embed/${photo.id}`)
    expect(gone.status).toBe(410)
    const goneHtml = await gone.text()
    expect(goneHtml).toContain('Deze foto is niet meer beschikbaar')
    expect(goneHtml).toContain('This photo is no longer available')
    expect(goneHtml).not.toContain('image.jpg')
    expect(goneHtml).not.toContain(view.credit)
    expect(gone.headers.get('cache-control')).toBe('no-store')
    for (const headers of [{}, { 'if-none-match': img.headers.get('etag')! }] as Record<string, string>[]) {
      const after = await get(`/embed/${photo.id}/image.jpg`, headers)
      expect(after.status).toBe(410)
      expect(after.headers.get('content-type')).toContain('application/problem+json')
    }
    expect((await oembed(`${PUBLIC}/photos/${photo.id}`)).status).toBe(404)
  })

  it('stops at once when consent is narrowed to no public view, and is 404 for drafts and unknown photos', async () => {
    const model = await person(call, staff, 'Dewi')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    expect((await get(`/embed/${photo.id}`)).status).toBe(200)
    const narrowed = await call('PUT', `/v1/portal/photos/${photo.id}/consent`, model.portalToken, {
      identifiable: true,
      identifiabilityAgreed: true,
      publicPreview: false,
    })
    expect(narrowed.status).toBe(200)
    expect((await get(`/embed/${photo.id}`)).status).toBe(410)
    expect((await get(`/embed/${photo.id}/image.jpg`)).status).toBe(410)
    expect((await oembed(`${PUBLIC}/photos/${photo.id}`)).status).toBe(404)

    const draftForm = new FormData()
    const sharp = (await import('sharp')).default
    draftForm.append(
      'file',
      new Blob(
        [
          await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 9, g: 99, b: 199 } } })
            .jpeg()
            .toBuffer(),
        ],
        { type: 'image/jpeg' },
      ),
      'd.jpg',
    )
    const draft = (await (
      await fetch(`${t.url}/v1/photos`, { method: 'POST', headers: { authorization: `Bearer ${staff.photographer}` }, body: draftForm })
    ).json()) as { id: string }
    for (const id of [draft.id, '00000000-0000-4000-8000-000000000000']) {
      const page = await get(`/embed/${id}`)
      expect(page.status).toBe(404)
      expect(await page.text()).toContain('niet meer beschikbaar')
      expect((await get(`/embed/${id}/image.jpg`)).status).toBe(404)
    }
    expect((await get('/embed/not-a-uuid')).status).toBe(400)
  })
})
