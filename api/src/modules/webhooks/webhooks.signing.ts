/**
 * Signatures after the Standard Webhooks specification (https://www.standardwebhooks.com, "Signature
 * scheme"): headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`
 * (`v1,<base64 HMAC-SHA256 over "<id>.<timestamp>.<body>">`, space-separated when several). The secret is
 * `whsec_<base64 of 32 random bytes>`; the HMAC key is the decoded bytes. Receivers reject timestamps more
 * than five minutes from their clock (the replay window) and dedupe on `webhook-id` (stable per notice, the
 * same on every retry).
 */
import crypto from 'node:crypto'

export const SECRET_PREFIX = 'whsec_'
/** Receivers should refuse a timestamp further than this from their own clock. */
export const REPLAY_WINDOW_SECONDS = 5 * 60

export function newSecret(): string {
  return SECRET_PREFIX + crypto.randomBytes(32).toString('base64')
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('not a webhook secret')
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64')
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${crypto.createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}

/**
 * What a receiver does (and what the README shows): recompute, compare in constant time, check the window.
 * Exported for the tests and for anyone writing a receiver in TypeScript.
 */
export function verify(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const ts = Number(headers.timestamp)
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > REPLAY_WINDOW_SECONDS) return false
  const expected = Buffer.from(sign(secret, headers.id, ts, body))
  return headers.signature.split(' ').some((s) => {
    const got = Buffer.from(s)
    return got.length === expected.length && crypto.timingSafeEqual(got, expected)
  })
}

/** Seals a secret for storage: AES-256-GCM under a key derived from the master key, bound to the endpoint id. */
export function seal(key: Buffer, plaintext: string, aad: string): string {
  const iv = crypto.randomBytes(12)
  const c = crypto.createCipheriv('aes-256-gcm', key, iv)
  c.setAAD(Buffer.from(aad))
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()])
  return ['v1', iv, ct, c.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
}

export function unseal(key: Buffer, sealed: string, aad: string): string {
  const [v, iv, ct, tag] = sealed.split('.')
  if (v !== 'v1' || !iv || !ct || !tag) throw new Error('unknown sealed format')
  const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  d.setAAD(Buffer.from(aad))
  d.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8')
}
