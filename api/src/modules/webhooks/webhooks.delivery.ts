/**
 * Delivery from the outbox: one job per notice × channel. A webhook is a signed POST (Standard Webhooks,
 * see webhooks.signing.ts) with a ~10 s timeout, no redirects followed, the response body read to a few
 * bytes and dropped; 2xx is delivered, anything else is retried with exponential backoff and jitter until
 * WEBHOOK_GIVE_UP_HOURS after the notice was made (three days), then dead. Every attempt is a log row.
 */
import http from 'node:http'
import https from 'node:https'
import { performance } from 'node:perf_hooks'
import type { FastifyBaseLogger } from 'fastify'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Db } from '../../db/client.ts'
import { desksRepo } from '../desks/index.ts'
import { PermanentJobError, type ClaimedJob, type JobContext, type JobQueue } from '../jobs/index.ts'
import { BlockedAddressError, guardedLookup, refuseUrl, type AddressPolicy } from './webhooks.address.ts'
import * as noticesRepo from './webhooks.notices.repo.ts'
import type { DeliveryRow, NoticeRow as Notice } from './webhooks.notices.repo.ts'
import * as webhooksRepo from './webhooks.repo.ts'
import { sign, unseal } from './webhooks.signing.ts'

export interface DeliveryDeps {
  db: Db
  queue: JobQueue
  secretKey: Buffer
  policy: AddressPolicy
  timeoutMs: number
  giveUpMs: number
  publicUrl: string | undefined
  smtp: { url: string; from: string } | undefined
  log: FastifyBaseLogger
}

/** The JSON a receiver gets: ids, codes and dates only. */
export function payloadOf(n: Notice, publicUrl: string | undefined) {
  return {
    id: n.id,
    type: n.event,
    createdAt: n.createdAt.toISOString(),
    photo: { id: n.photoId },
    organisation: { id: n.organisationId },
    data: { ...n.data, acknowledgeUrl: `${publicUrl ?? ''}/v1/webhooks/notices/${n.id}/ack` },
  }
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string | null; permanent?: boolean }

export class NoticeDelivery {
  #mailer: Transporter | undefined

  constructor(private readonly deps: DeliveryDeps) {}

  async #load(job: ClaimedJob) {
    const deliveryId = String(job.payload.deliveryId ?? '')
    if (!/^[0-9a-f-]{36}$/.test(deliveryId)) throw new PermanentJobError('bad delivery id')
    return noticesRepo.deliveryWithNotice(this.deps.db, deliveryId)
  }

  /**
   * The attempt is in the log before anything is sent, as 'interrupted', and settled afterwards: a crash
   * mid-delivery leaves it there, and the retry after it is the next attempt (issue 18: the log used to
   * keep only the attempt after the crash).
   */
  async #begin(d: DeliveryRow): Promise<{ id: number; attempt: number }> {
    return this.deps.db.transaction(async (tx) => {
      const row = await webhooksRepo.countAttempt(tx, d.id)
      const attempt = row?.attempt ?? d.attempts + 1
      const a = await webhooksRepo.insertAttempt(tx, { deliveryId: d.id, attempt, statusCode: null, errorClass: 'interrupted', durationMs: 0 })
      return { id: a.id, attempt }
    })
  }

  async #settle(job: ClaimedJob, ctx: JobContext, d: DeliveryRow, n: Notice, outcome: Outcome, durationMs: number, begun: { id: number; attempt: number }) {
    const attempt = begun.attempt
    const result = outcome.ok ? String(outcome.status) : (outcome.error ?? String(outcome.status))
    // The window runs from the notice, or from the admin's retry of a delivery that had given up.
    const since = (d.retriedAt ?? n.createdAt).getTime()
    const expired = !outcome.ok && (outcome.permanent || Date.now() - since >= this.deps.giveUpMs)
    await this.deps.db.transaction(async (tx) => {
      await webhooksRepo.settleAttempt(tx, begun.id, {
        statusCode: outcome.status,
        errorClass: outcome.ok ? null : outcome.error,
        durationMs: Math.round(durationMs),
      })
      await noticesRepo.settleDelivery(tx, d.id, {
        attempts: attempt,
        lastResult: result,
        ...(outcome.ok ? { state: 'delivered', deliveredAt: new Date() } : expired ? { state: 'dead' } : {}),
      })
      if (outcome.ok) {
        // Delivered on any channel is delivered; an acknowledged notice stays acknowledged.
        await noticesRepo.markNoticeDelivered(tx, n.id)
        await this.deps.queue.complete(job.id, ctx.workerId, tx)
      }
    })
    if (outcome.ok) return
    if (expired) throw new PermanentJobError(`gave up: ${result}`)
    throw new Error(`delivery failed: ${result}`)
  }

  async #cancel(id: string) {
    await noticesRepo.cancelDelivery(this.deps.db, id)
  }

  webhookJob = async (job: ClaimedJob, ctx: JobContext): Promise<void> => {
    const row = await this.#load(job)
    if (!row || row.d.state !== 'pending' || !row.d.endpointId) return
    const { d, n } = row
    const endpoint = await webhooksRepo.endpointById(this.deps.db, d.endpointId!)
    // Deleted or disabled since, or the organisation already confirmed it acted: nothing more to send.
    if (!endpoint || endpoint.deletedAt || !endpoint.enabled || !endpoint.secretSealed || n.state === 'acknowledged') return this.#cancel(d.id)
    const secret = unseal(this.deps.secretKey, endpoint.secretSealed, endpoint.id)
    const body = JSON.stringify(payloadOf(n, this.deps.publicUrl))
    const timestamp = Math.floor(Date.now() / 1000)
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'EerlijkBeeld-Webhooks/1',
      'webhook-id': n.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': sign(secret, n.id, timestamp, body),
    }
    const begun = await this.#begin(d)
    const started = performance.now()
    const outcome = await this.#post(endpoint.url, headers, body, ctx.signal)
    await this.#settle(job, ctx, d, n, outcome, performance.now() - started, begun)
  }

  #post(rawUrl: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<Outcome> {
    return new Promise((resolve) => {
      const url = new URL(rawUrl)
      // The URL's rules again (an endpoint saved before they tightened), and an IP literal, which is
      // connected to without a lookup; every name's DNS answers are checked by guardedLookup below.
      if (refuseUrl(rawUrl, this.deps.policy) !== null) return resolve({ ok: false, status: null, error: 'blocked-address', permanent: true })
      const lib = url.protocol === 'https:' ? https : http
      let done = false
      const finish = (o: Outcome) => {
        if (done) return
        done = true
        clearTimeout(timer)
        resolve(o)
      }
      const req = lib.request(
        url,
        { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, lookup: guardedLookup(this.deps.policy), signal, agent: false },
        (res) => {
          const status = res.statusCode ?? 0
          // The body is not ours to keep: read a little (so the connection ends cleanly) and drop it.
          let seen = 0
          res.on('data', (c: Buffer) => {
            seen += c.length
            if (seen > 4096) res.destroy()
          })
          res.on('close', () => finish(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: null }))
          res.on('error', () => {})
        },
      )
      const timer = setTimeout(() => {
        req.destroy()
        finish({ ok: false, status: null, error: 'timeout' })
      }, this.deps.timeoutMs)
      req.on('error', (err: NodeJS.ErrnoException) => finish({ ok: false, status: null, ...errorClass(err) }))
      req.end(body)
    })
  }

  emailJob = async (job: ClaimedJob, ctx: JobContext): Promise<void> => {
    if (!this.deps.smtp) throw new Error('SMTP is not configured')
    const row = await this.#load(job)
    if (!row || (row.d.state !== 'pending' && row.d.state !== 'waiting')) return
    const { d, n } = row
    const org = await desksRepo.organisationNoticeEmail(this.deps.db, n.organisationId)
    if (!org?.noticeEmail || n.state === 'acknowledged') return this.#cancel(d.id)
    this.#mailer ??= nodemailer.createTransport(this.deps.smtp.url)
    const text = noticeText(n, this.deps.publicUrl)
    const begun = await this.#begin(d)
    const started = performance.now()
    let outcome: Outcome
    try {
      const info = await this.#mailer.sendMail({
        from: this.deps.smtp.from,
        to: org.noticeEmail,
        subject: text.subject,
        text: text.body,
        headers: { 'X-EerlijkBeeld-Notice': n.id },
      })
      outcome = { ok: true, status: Number(/^(\d{3})/.exec(String(info.response ?? '250'))?.[1] ?? 250) }
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode
      outcome = { ok: false, status: code ?? null, error: code ? null : 'smtp', permanent: code !== undefined && code >= 500 && code < 600 && code !== 552 }
    }
    await this.#settle(job, ctx, d, n, outcome, performance.now() - started, begun)
  }
}

function errorClass(err: NodeJS.ErrnoException): { error: string; permanent?: boolean } {
  if (err instanceof BlockedAddressError || err.code === 'EBLOCKEDADDRESS') return { error: 'blocked-address', permanent: true }
  if (err.name === 'AbortError') return { error: 'aborted' }
  switch (err.code) {
    case 'ECONNREFUSED':
      return { error: 'refused' }
    case 'ECONNRESET':
      return { error: 'reset' }
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { error: 'dns' }
    case 'ETIMEDOUT':
      return { error: 'timeout' }
    default:
      return { error: err.code?.startsWith('ERR_TLS') || err.code?.includes('CERT') ? 'tls' : 'network' }
  }
}

const EVENT_WORDS: Record<Notice['event'], { nl: string; en: string }> = {
  'consent.withdrawn': {
    nl: 'De toestemming voor deze foto is ingetrokken of verlopen. Gebruik hem niet meer en haal hem weg waar hij gepubliceerd is.',
    en: 'Consent for this photo was withdrawn or has expired. Stop using it and remove it wherever it is published.',
  },
  'consent.narrowed': {
    nl: 'De toestemming voor deze foto is beperkt. Controleer of uw gebruik er nog binnen valt; zo niet, haal hem weg.',
    en: 'Consent for this photo was narrowed. Check that your use still falls within it; if not, remove it.',
  },
  'consent.expiring': {
    nl: 'De toestemming voor deze foto loopt binnenkort af. Na de laatste dag mag hij niet meer gebruikt worden, tenzij hij verlengd wordt.',
    en: 'Consent for this photo ends soon. After its last day it may no longer be used unless it is renewed.',
  },
  'photo.takedown': {
    nl: 'Deze foto is verwijderd. Haal hem overal weg, ook uit uw archief.',
    en: 'This photo was taken down. Remove it everywhere, including your archive.',
  },
}

/** A notice e-mail: Dutch first, English second; ids and links, no personal data. */
export function noticeText(n: Notice, publicUrl: string | undefined) {
  const base = publicUrl ?? ''
  const w = EVENT_WORDS[n.event]
  const until = typeof n.data.validUntil === 'string' ? n.data.validUntil : null
  const body = [
    w.nl,
    ...(until ? [`Laatste geldige dag: ${until}.`] : []),
    `Foto: ${base}/photos/${n.photoId}`,
    `Bevestig dat u dit heeft afgehandeld: POST ${base}/v1/webhooks/notices/${n.id}/ack`,
    '',
    w.en,
    ...(until ? [`Last valid day: ${until}.`] : []),
    `Photo: ${base}/photos/${n.photoId}`,
    `Confirm you acted on it: POST ${base}/v1/webhooks/notices/${n.id}/ack`,
    '',
    `Notice ${n.id} (${n.event})`,
  ].join('\n')
  return { subject: `Eerlijk Beeld: ${n.event} — foto/photo ${n.photoId}`, body }
}
