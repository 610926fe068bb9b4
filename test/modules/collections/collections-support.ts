/** Shared set-up for the collections tests: a running app, people with roles, and published photos made over HTTP. */
import { journalist as deskJournalist, organisation } from '../../support/factories.ts'
import crypto from 'node:crypto'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { request, startTestApp, upload, type TestApp } from '../../support/app.ts'

export type User = Awaited<ReturnType<TestApp['user']>>

export const TEXTS = {
  captionNl: 'Een sekswerker op de fiets',
  captionEn: 'A sex worker on a bicycle',
  altNl: 'Vrouw op een fiets in de stad',
  altEn: 'Woman on a bicycle in the city',
}
export const AGREED = { identifiable: true, identifiabilityAgreed: true, publicPreview: false }

export interface World {
  t: TestApp
  owner: User
  curator: User
  admin: User
  journalist: User
  call(method: string, url: string, who: User | null, body?: unknown): ReturnType<typeof request>
  /** A distinct real JPEG (the same file twice would be a duplicate for this photographer). */
  uniquePhoto(width?: number): Promise<{ name: string; bytes: Buffer; type: string }>
  /** Uploaded, one person linked with this consent, texts set; optionally under another licence; sent and published. */
  published(opts?: {
    consent?: Record<string, unknown>
    licence?: string
    texts?: Record<string, string>
    file?: { name: string; bytes: Buffer; type: string } | string
  }): Promise<{ id: string; subjectId: string }>
  /** Jobs in the outbox for this kind and photo. */
  jobs(kind: string, photoId: string): Promise<{ status: string; created_at: unknown }[]>
}

export async function world(): Promise<World> {
  const t = await startTestApp()
  const [owner, curator, admin, journalist] = await Promise.all([
    t.user('photographer', 'Sam V.'),
    t.user('curator'),
    t.user('admin'),
    deskJournalist(t, await organisation(t)),
  ])
  const call = (method: string, url: string, who: User | null, body?: unknown) => request(t, method, url, who?.token ?? null, body)
  async function uniquePhoto(width = 1400) {
    const [r, g, b] = crypto.randomBytes(3)
    const bytes = await sharp({ create: { width, height: Math.round(width * 0.6), channels: 3, background: { r: r!, g: g!, b: b! } } })
      .composite([{ input: crypto.randomBytes(64 * 64 * 3), raw: { width: 64, height: 64, channels: 3 }, left: 100, top: 100 }])
      .jpeg()
      .toBuffer()
    return { name: 'photo.jpg', bytes, type: 'image/jpeg' }
  }
  return {
    t,
    owner,
    curator,
    admin,
    journalist,
    call,
    uniquePhoto,
    async published(opts = {}) {
      const { res, body } = await upload(t, owner.token, opts.file ?? (await uniquePhoto()), opts.texts ?? TEXTS)
      expect(res.status, JSON.stringify(body)).toBe(201)
      const id = body.id as string
      const subject = await call('POST', '/v1/subjects', owner, { pseudonym: `Mira ${id.slice(0, 8)}` })
      expect(subject.status).toBe(201)
      expect((await call('POST', `/v1/photos/${id}/people`, owner, { subjectId: subject.body.id, consent: opts.consent ?? AGREED })).status).toBe(201)
      if (opts.licence) expect((await call('PATCH', `/v1/photos/${id}`, owner, { licence: opts.licence })).status).toBe(200)
      expect((await call('POST', `/v1/photos/${id}/submit`, owner)).status).toBe(200)
      const p = await call('POST', `/v1/photos/${id}/publish`, curator)
      expect(p.status, JSON.stringify(p.body)).toBe(200)
      return { id, subjectId: subject.body.id as string }
    },
    async jobs(kind, photoId) {
      return rowsOf<{ status: string; created_at: unknown }>(
        await t.rt.database.db.execute(sql`select status, created_at from jobs where kind = ${kind} and payload->>'photoId' = ${photoId} order by id`),
      )
    },
  }
}
