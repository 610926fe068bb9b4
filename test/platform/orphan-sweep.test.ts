/**
 * Orphans are swept by a running server, not only at its next start (issue 18: "orphaned originals wait for
 * a restart an hour later"; "a full disk leaks each failed upload's temp file until restart"). What a failed
 * or crashed request left behind an hour ago goes; what is younger (an upload in flight, here or on another
 * replica) and what a photo points to stays; the log says how many, never which.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { files, startTestApp, upload, type TestApp } from '../support/app.ts'
import sharp from 'sharp'

let t: TestApp
const logs: string[] = []

beforeAll(async () => {
  t = await startTestApp({ ORPHAN_SWEEP_SECONDS: '1' }, { logLines: logs })
})
afterAll(() => t?.close())

const TWO_HOURS_AGO = new Date(Date.now() - 2 * 3_600_000)
function plant(file: string, old: boolean) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, crypto.randomBytes(2048))
  if (old) fs.utimesSync(file, TWO_HOURS_AGO, TWO_HOURS_AGO)
  return file
}

describe('the periodic orphan sweep in a running server', () => {
  it('removes old orphaned blobs and stale temp files, keeps young ones and live photos, and logs counts only', async () => {
    const photographer = await t.user('photographer')
    const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 40, g: 90, b: 140 } } })
      .jpeg()
      .toBuffer()
    const res = await upload(t, photographer.token, { name: 'brug.jpg', bytes, type: 'image/jpeg' })
    expect(res.res.status).toBe(201)
    const live = files(path.join(t.dataDir, 'blobs')).filter((f) => f.startsWith('originals/'))
    expect(live).toHaveLength(1)
    // As if the photo row had been there long: its blob must stay however old it is.
    fs.utimesSync(path.join(t.dataDir, 'blobs', live[0]!), TWO_HOURS_AGO, TWO_HOURS_AGO)

    const blobs = path.join(t.dataDir, 'blobs')
    const oldOrphan = plant(path.join(blobs, 'originals', crypto.randomUUID()), true)
    const oldDerivative = plant(path.join(blobs, 'derivatives', crypto.randomUUID(), 'small.jpeg'), true)
    const youngOrphan = plant(path.join(blobs, 'originals', crypto.randomUUID()), false)
    // Temp files in this server's own folders: an upload that failed without cleaning up, and one in flight.
    const staleUpload = plant(path.join(t.rt.tmpDir, `${crypto.randomUUID()}.upload`), true)
    const inFlight = plant(path.join(t.rt.tmpDir, `${crypto.randomUUID()}.upload`), false)
    const ownBlobTmp = fs.readdirSync(path.join(blobs, '.tmp')).find((d) => d.includes(`-${process.pid}-`))!
    const stalePart = plant(path.join(blobs, '.tmp', ownBlobTmp, `${crypto.randomUUID()}.part`), true)

    const gone = (f: string) => !fs.existsSync(f)
    for (let i = 0; i < 200 && ![oldOrphan, oldDerivative, staleUpload, stalePart].every(gone); i++) await new Promise((r) => setTimeout(r, 100))
    for (const f of [oldOrphan, oldDerivative, staleUpload, stalePart]) expect(gone(f)).toBe(true)
    for (const f of [youngOrphan, inFlight, path.join(blobs, live[0]!)]) expect(fs.existsSync(f)).toBe(true)
    // The server kept serving the live photo all along.
    expect((await fetch(`${t.url}/v1/photos/${String(res.body.id)}`, { headers: { authorization: `Bearer ${photographer.token}` } })).status).toBe(200)

    const swept = logs.filter((l) => l.includes('swept orphaned blobs and stale temp files')).map((l) => JSON.parse(l) as { orphans: number; temp: number })
    expect(swept.reduce((n, l) => n + l.orphans, 0)).toBe(2)
    expect(swept.reduce((n, l) => n + l.temp, 0)).toBe(2)
    const all = logs.join('\n')
    for (const f of [oldOrphan, oldDerivative, staleUpload, stalePart]) expect(all).not.toContain(path.basename(f))
  })
})
