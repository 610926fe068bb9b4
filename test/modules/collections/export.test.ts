import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { files } from '../../support/app.ts'
import { endExiftool, endsCleanly, exifTags, PRIVATE_TAGS } from '../../support/image.ts'
import { AGREED, TEXTS, world, type World } from './collections-support.ts'

const run = promisify(execFile)
const fx = inject('fixtures')
let w: World
let work: string
beforeAll(async () => {
  w = await world()
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-zip-'))
})
afterAll(async () => {
  await endExiftool()
  fs.rmSync(work, { recursive: true, force: true })
  await w?.t.close()
})

/** Downloads the export and lists it with Debian's unzip (independent of the archiver that wrote it). */
async function exportZip(id: string) {
  const res = await fetch(`${w.t.url}/v1/collections/${id}/export.zip`, { headers: { authorization: `Bearer ${w.curator.token}` } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/zip')
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="collection-${id}.zip"`)
  const file = path.join(work, `${crypto.randomUUID()}.zip`)
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  await run('unzip', ['-tq', file])
  const names = (await run('unzip', ['-Z1', file])).stdout.trim().split('\n')
  const read = async (name: string) => (await run('unzip', ['-p', file, name], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })).stdout as unknown as Buffer
  return { names, read }
}

/** RFC 4180 rows: quoted fields, "" for a quote, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') row.push(cell), (cell = '')
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else cell += ch
  }
  if (cell || row.length) row.push(cell), rows.push(row)
  return rows
}

describe('the ZIP export', () => {
  it('holds the large JPEG of every shown photo in order, stripped, with credits; a withdrawn photo is left out of a later export', async () => {
    const hostile = await w.published({
      texts: { ...TEXTS, captionNl: '=HYPERLINK("https://evil.example","klik")', captionEn: "-2+3*cmd|' /C calc'!A0", credit: '@Sam V.' },
    })
    const gps = await w.published({ file: fx['meta-everything.jpg']! })
    const big = await w.published({ file: await w.uniquePhoto(2400) })
    const id = (await w.call('POST', '/v1/collections', w.curator, { kind: 'collection', titleNl: 'Zomer', titleEn: 'Summer' })).body.id as string
    for (const [p, note] of [
      [big, '+ eerste'],
      [hostile, null],
      [gps, 'derde'],
    ] as const) {
      expect((await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: p.id, noteNl: note })).status).toBe(201)
    }

    const zip = await exportZip(id)
    expect(zip.names).toEqual([`01-${big.id}.jpg`, `02-${hostile.id}.jpg`, `03-${gps.id}.jpg`, 'credits.csv', 'credits.json'])
    // The largest JPEG derivative: 'large' (2048 px) where the original was big enough, else the biggest made.
    const bigJpeg = await zip.read(`01-${big.id}.jpg`)
    expect(await sharp(bigJpeg).metadata()).toMatchObject({ format: 'jpeg', width: 2048 })
    // Large is the staff's (and a download grant's) size: the curator who exported it fetches it.
    const served = await fetch(`${w.t.url}/v1/photos/${big.id}/media/large.jpeg`, { headers: { authorization: `Bearer ${w.curator.token}` } })
    expect(Buffer.from(await served.arrayBuffer()).equals(bigJpeg)).toBe(true)
    for (const name of zip.names.filter((n) => n.endsWith('.jpg'))) {
      const bytes = await zip.read(name)
      const tags = await exifTags(bytes, 'jpg')
      const leaked = Object.keys(tags).filter((k) => PRIVATE_TAGS.some((re) => re.test(k)))
      expect(leaked, `${name} leaks ${leaked.join(', ')}`).toEqual([])
      expect(endsCleanly(bytes, 'jpeg'), `${name} has trailing bytes`).toBe(true)
      // Rights metadata is there: the credit travels with the file.
      expect(JSON.stringify(tags)).toMatch(/Sam V\./)
    }
    const gpsJpeg = await zip.read(`03-${gps.id}.jpg`)
    expect(gpsJpeg.equals(fs.readFileSync(fx['meta-everything.jpg']!))).toBe(false)
    // Never the original: the bytes are the biggest JPEG derivative the photo detail lists.
    const detail = await w.call('GET', `/v1/photos/${gps.id}`, w.journalist)
    const biggest = (detail.body.derivatives as { format: string; width: number; url: string }[])
      .filter((d) => d.format === 'jpeg')
      .sort((x, y) => y.width - x.width)[0]!
    expect((await sharp(gpsJpeg).metadata()).width).toBe(biggest.width)
    const servedGps = await fetch(`${w.t.url}${biggest.url}`, { headers: { authorization: `Bearer ${w.journalist.token}` } })
    expect(Buffer.from(await servedGps.arrayBuffer()).equals(gpsJpeg)).toBe(true)

    const csv = parseCsv((await zip.read('credits.csv')).toString('utf8').replace(/^\uFEFF/, ''))
    expect(csv[0]).toEqual([
      'position',
      'file',
      'photo_id',
      'caption_nl',
      'caption_en',
      'alt_nl',
      'alt_en',
      'credit',
      'attribution_nl',
      'attribution_en',
      'licence',
      'licence_url',
      'note_nl',
      'note_en',
    ])
    expect(csv).toHaveLength(4)
    expect(csv[1]!.slice(0, 3)).toEqual(['1', `01-${big.id}.jpg`, big.id])
    expect(csv[1]![12]).toBe("'+ eerste")
    const h = csv[2]!
    expect(h[3]).toBe('\'=HYPERLINK("https://evil.example","klik")')
    expect(h[4]).toBe("'-2+3*cmd|' /C calc'!A0")
    expect(h[7]).toBe("'@Sam V.")
    expect(h[10]).toBe('rsw-editorial@1.0')
    expect(h[11]).toBe(`${w.t.rt.origin}/licences/rsw-editorial/1.0`)
    // No cell anywhere starts a formula.
    for (const row of csv) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/)

    const json = JSON.parse((await zip.read('credits.json')).toString('utf8'))
    expect(json.collection).toMatchObject({ id, kind: 'collection', title: { nl: 'Zomer', en: 'Summer' } })
    expect(json.omitted).toEqual([])
    expect(json.items.map((i: { position: number; id: string }) => [i.position, i.id])).toEqual([
      [1, big.id],
      [2, hostile.id],
      [3, gps.id],
    ])
    expect(json.items[1]).toMatchObject({
      file: `02-${hostile.id}.jpg`,
      caption: { nl: '=HYPERLINK("https://evil.example","klik")' },
      alt: { nl: TEXTS.altNl, en: TEXTS.altEn },
      credit: '@Sam V.',
      licence: 'rsw-editorial@1.0',
      note: { nl: null, en: null },
    })
    expect(json.items[1].attribution.nl).toMatch(/Foto: @Sam V\. \/ Reimagining Sex Work via Eerlijk Beeld/)
    expect(json.items[1].attribution.en).toMatch(/^“-2\+3.*Photo: @Sam V\./)

    // Recorded in the audit trail, ids and codes only.
    const ev = rowsOf<{ data: Record<string, unknown>; actor_id: string }>(
      await w.t.rt.database.db.execute(sql`select data, actor_id from audit_events where type = 'collection.exported' order by seq desc limit 1`),
    )[0]!
    expect(ev.actor_id).toBe(w.curator.id)
    expect(ev.data).toEqual({ collectionId: id, format: 'zip', photoCount: 3, omittedCount: 0, photoIds: [big.id, hostile.id, gps.id] })
    // Streamed: nothing left on disk outside the blob store.
    expect(files(w.t.rt.tmpDir)).toEqual([])

    // Withdrawn: gone from the next export, and listed as omitted.
    expect((await w.call('POST', `/v1/photos/${hostile.id}/people/${hostile.subjectId}/withdraw`, w.owner)).status).toBe(200)
    const later = await exportZip(id)
    expect(later.names).toEqual([`01-${big.id}.jpg`, `03-${gps.id}.jpg`, 'credits.csv', 'credits.json'])
    const laterJson = JSON.parse((await later.read('credits.json')).toString('utf8'))
    expect(laterJson.omitted).toEqual([{ position: 2, id: hostile.id, reason: 'withdrawn' }])
    expect(laterJson.items.map((i: { id: string }) => i.id)).toEqual([big.id, gps.id])
    expect((await later.read('credits.csv')).toString('utf8')).not.toContain(hostile.id)
  })

  it('of an exhibition leaves out a photo whose consent no longer covers exhibitions', async () => {
    const ok = await w.published({ licence: 'rsw-exhibition@1.0' })
    const narrowed = await w.published({ licence: 'rsw-exhibition@1.0' })
    const id = (await w.call('POST', '/v1/collections', w.curator, { kind: 'exhibition', titleNl: 'Expo' })).body.id as string
    for (const p of [ok, narrowed]) expect((await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: p.id })).status).toBe(201)
    await w.call('PUT', `/v1/photos/${narrowed.id}/people/${narrowed.subjectId}/consent`, w.owner, { ...AGREED, uses: ['editorial'] })
    const zip = await exportZip(id)
    expect(zip.names.filter((n) => n.endsWith('.jpg'))).toEqual([`01-${ok.id}.jpg`])
    const json = JSON.parse((await zip.read('credits.json')).toString('utf8'))
    expect(json.omitted).toEqual([{ position: 2, id: narrowed.id, reason: expect.stringMatching(/^(not-shown|exhibition-not-covered)$/) }])
    expect(json.items[0].licence).toBe('rsw-exhibition@1.0')
  })

  it('breaks the download rather than finish a ZIP that silently lacks an image', async () => {
    const a = await w.published()
    const b = await w.published()
    const id = (await w.call('POST', '/v1/collections', w.curator, { kind: 'collection', titleNl: 'Kapot' })).body.id as string
    for (const p of [a, b]) await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: p.id })
    // The blob disappears behind the database's back (a purge racing the export).
    const keys = rowsOf<{ blob_key: string }>(
      await w.t.rt.database.db.execute(sql`select blob_key from derivatives where photo_id = ${b.id} and format = 'jpeg'`),
    )
    for (const k of keys) await w.t.rt.blobs.delete(k.blob_key)
    const res = await fetch(`${w.t.url}/v1/collections/${id}/export.zip`, { headers: { authorization: `Bearer ${w.curator.token}` } })
    const outcome = await res.arrayBuffer().then(
      async (buf) => {
        const file = path.join(work, 'broken.zip')
        fs.writeFileSync(file, Buffer.from(buf))
        return run('unzip', ['-tq', file]).then(
          () => 'complete',
          () => 'broken',
        )
      },
      () => 'broken',
    )
    expect(outcome).toBe('broken')
    // The server lives on.
    expect((await w.call('GET', `/v1/collections/${id}`, w.curator)).status).toBe(200)
  })
})

describe('the IIIF Presentation 3 manifest', () => {
  const isUri = (s: unknown) => typeof s === 'string' && /^https?:\/\/[^\s]+$/.test(s)
  /** A language map (Presentation 3.0 §4.3): an object of language codes (or "none") to arrays of strings. */
  const isLangMap = (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length > 0 &&
    Object.entries(v).every(([k, x]) => /^([a-z]{2,3}(-[A-Za-z0-9]+)*|none)$/.test(k) && Array.isArray(x) && x.every((s) => typeof s === 'string'))
  const isLabelValue = (v: { label?: unknown; value?: unknown }) => isLangMap(v.label) && isLangMap(v.value)

  it('is a valid Manifest: context, id, type, label, rights, required statement, canvases painted by the large JPEG', async () => {
    const a = await w.published({ file: await w.uniquePhoto(2200) })
    const b = await w.published()
    const gone = await w.published()
    const id = (
      await w.call('POST', '/v1/collections', w.curator, {
        kind: 'collection',
        titleNl: 'Straatbeeld',
        titleEn: 'Street view',
        notesNl: 'Voor de expo',
        notesEn: 'For the show',
      })
    ).body.id as string
    for (const p of [a, b, gone]) await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: p.id, noteEn: p === b ? 'Wall 2' : undefined })
    await w.call('POST', `/v1/photos/${gone.id}/people/${gone.subjectId}/withdraw`, w.owner)

    const res = await w.call('GET', `/v1/collections/${id}/manifest.json`, w.curator)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/ld+json; profile="http://iiif.io/api/presentation/3/context.json"; charset=utf-8')
    const m = res.body
    // §5.2 Manifest: MUST have id (the URI it is published at), type "Manifest", label, and @context first-class.
    expect(m['@context']).toBe('http://iiif.io/api/presentation/3/context.json')
    // Absolute, from PUBLIC_URL (http://localhost:PORT in tests), never from the request's Host.
    expect(m.id).toBe(`${w.t.rt.config.origin}/v1/collections/${id}/manifest.json`)
    expect(m.id).not.toContain(new URL(w.t.url).host)
    expect(m.type).toBe('Manifest')
    expect(m.label).toEqual({ nl: ['Straatbeeld'], en: ['Street view'] })
    expect(m.summary).toEqual({ nl: ['Voor de expo'], en: ['For the show'] })
    // §3.3.1 rights: a Creative Commons or RightsStatements.org URI.
    expect(m.rights).toMatch(/^http:\/\/(creativecommons\.org\/licenses|rightsstatements\.org\/vocab)\//)
    expect(isLabelValue(m.requiredStatement)).toBe(true)
    expect(m.requiredStatement.value.en[0]).toMatch(/Sam V\. \/ Reimagining Sex Work via Eerlijk Beeld/)
    for (const md of m.metadata) expect(isLabelValue(md)).toBe(true)
    // §5.2 a Manifest MUST have items, at least one Canvas; the withdrawn photo is not among them.
    expect(m.items).toHaveLength(2)
    const ids: string[] = [m.id]
    for (const [i, canvas] of m.items.entries()) {
      const photo = [a, b][i]!
      // §5.3 Canvas: id, type, label; width and height together, positive integers; items = AnnotationPages.
      expect(isUri(canvas.id)).toBe(true)
      expect(canvas.type).toBe('Canvas')
      expect(canvas.label).toEqual({ nl: [TEXTS.captionNl], en: [TEXTS.captionEn] })
      expect(Number.isInteger(canvas.width) && canvas.width > 0 && Number.isInteger(canvas.height) && canvas.height > 0).toBe(true)
      expect(isLabelValue(canvas.requiredStatement)).toBe(true)
      expect(canvas.requiredStatement.value.nl[0]).toMatch(/Foto: Sam V\./)
      expect(canvas.metadata.find((x: { label: { en: string[] } }) => x.label.en[0] === 'Credit').value).toEqual({ none: ['Sam V.'] })
      expect(canvas.metadata.find((x: { label: { en: string[] } }) => x.label.en[0] === 'Licence').value.en[0]).toContain(
        `${w.t.rt.origin}/licences/rsw-editorial/1.0`,
      )
      if (photo === b) expect(canvas.metadata.find((x: { label: { en: string[] } }) => x.label.en[0] === 'Note').value).toEqual({ en: ['Wall 2'] })
      expect(canvas.items).toHaveLength(1)
      const page = canvas.items[0]
      expect(page.type).toBe('AnnotationPage')
      expect(isUri(page.id)).toBe(true)
      const anno = page.items[0]
      // Annotation: id, type, motivation "painting", target the Canvas, body an Image with format and size.
      expect(anno).toMatchObject({ type: 'Annotation', motivation: 'painting', target: canvas.id })
      expect(isUri(anno.id)).toBe(true)
      expect(anno.body).toMatchObject({ type: 'Image', format: 'image/jpeg', width: canvas.width, height: canvas.height })
      expect(anno.body.id).toContain(`/v1/photos/${photo.id}/media/`)
      ids.push(canvas.id, page.id, anno.id)
      // The body is real: the served image is a JPEG of exactly the declared size.
      // (Ids carry PUBLIC_URL's origin; in the test the server listens elsewhere: ask it there.)
      const img = await fetch(anno.body.id.replace(w.t.rt.config.origin, w.t.url), { headers: { authorization: `Bearer ${w.curator.token}` } })
      expect(img.status).toBe(200)
      expect(await sharp(Buffer.from(await img.arrayBuffer())).metadata()).toMatchObject({ format: 'jpeg', width: canvas.width, height: canvas.height })
    }
    expect(m.items[0].width).toBe(2048)
    expect(new Set(ids).size).toBe(ids.length)
    expect(JSON.stringify(m)).not.toContain(gone.id)
    const ev = rowsOf<{ data: Record<string, unknown> }>(
      await w.t.rt.database.db.execute(sql`select data from audit_events where type = 'collection.exported' order by seq desc limit 1`),
    )[0]!
    expect(ev.data).toMatchObject({ collectionId: id, format: 'iiif', photoCount: 2, omittedCount: 1 })

    // A Manifest must have at least one Canvas: with nothing shown, a problem instead of an invalid manifest.
    const empty = (await w.call('POST', '/v1/collections', w.curator, { kind: 'collection', titleNl: 'Leeg' })).body.id as string
    await w.call('POST', `/v1/collections/${empty}/items`, w.curator, { photoId: b.id })
    await w.call('POST', `/v1/photos/${b.id}/people/${b.subjectId}/withdraw`, w.owner)
    const none = await w.call('GET', `/v1/collections/${empty}/manifest.json`, w.curator)
    expect(none.status).toBe(409)
    expect(none.body.type).toBe('/problems/nothing-to-show')
    expect((await w.call('GET', `/v1/collections/${crypto.randomUUID()}/manifest.json`, w.curator)).status).toBe(404)
  })
})
