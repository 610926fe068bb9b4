/**
 * Envelope encryption with AES-256-GCM: every record (an original photo, later a vault record) gets its own
 * random data key; the data key is stored wrapped by the master key. Rotating the master key means
 * re-wrapping data keys, not re-encrypting photos.
 */
import crypto from 'node:crypto'
import fs, { createReadStream } from 'node:fs'
import path from 'node:path'
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import type { Config } from '../config.ts'

export const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
/** File header of an encrypted blob: magic + version, then the IV; the GCM tag is the last 16 bytes. */
const MAGIC = Buffer.from('EBv1')

export class MasterKey {
  readonly #key: Buffer
  private constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error('master key must be 32 bytes')
    this.#key = key
  }
  static fromBytes(key: Buffer) {
    return new MasterKey(Buffer.from(key))
  }
  static generate() {
    return new MasterKey(crypto.randomBytes(KEY_BYTES))
  }

  /** Wraps a data key: "v1.<iv>.<ciphertext>.<tag>" in base64url. */
  wrap(dataKey: Buffer): string {
    const iv = crypto.randomBytes(IV_BYTES)
    const c = crypto.createCipheriv('aes-256-gcm', this.#key, iv)
    c.setAAD(Buffer.from('eb-data-key'))
    const ct = Buffer.concat([c.update(dataKey), c.final()])
    return ['v1', iv, ct, c.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
  }

  unwrap(wrapped: string): Buffer {
    const [v, iv, ct, tag] = wrapped.split('.')
    if (v !== 'v1' || !iv || !ct || !tag) throw new Error('unknown wrapped key format')
    const d = crypto.createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'))
    d.setAAD(Buffer.from('eb-data-key'))
    d.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()])
  }

  /** A key for a purpose (HMACs, e.g. duplicate detection), derived so the master key itself is never used twice. */
  derive(purpose: string): Buffer {
    return Buffer.from(crypto.hkdfSync('sha256', this.#key, Buffer.alloc(0), `eerlijk-beeld:${purpose}`, KEY_BYTES))
  }
}

/**
 * Loads the master key from configuration. In the embedded default a missing key file is created (mode
 * 0600) and the caller logs that it did so; with a database server a missing key is a configuration error.
 */
export function loadMasterKey(cfg: Config['masterKey']): { key: MasterKey; created: string | null } {
  if ('inline' in cfg) return { key: MasterKey.fromBytes(Buffer.from(cfg.inline, 'base64')), created: null }
  if (fs.existsSync(cfg.file)) {
    // Refused, not fixed: a key others could read may already have been copied, and quietly tightening the
    // mode would hide that. The operator decides (rotate or chmod) and says so by running chmod.
    const mode = fs.statSync(cfg.file).mode & 0o777
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new Error(
        `master key file ${cfg.file} can be read by others (mode ${mode.toString(8).padStart(4, '0')}); make it private with: chmod 600 ${cfg.file}`,
      )
    }
    const text = fs.readFileSync(cfg.file, 'utf8').trim()
    const bytes = Buffer.from(text, 'base64')
    if (bytes.length !== KEY_BYTES) throw new Error(`master key file does not hold 32 base64-encoded bytes: ${cfg.file}`)
    return { key: MasterKey.fromBytes(bytes), created: null }
  }
  if (!cfg.createIfMissing) throw new Error(`master key file not found: ${cfg.file}`)
  fs.mkdirSync(path.dirname(cfg.file), { recursive: true, mode: 0o700 })
  const bytes = crypto.randomBytes(KEY_BYTES)
  // 'wx': never overwrite a key that appeared meanwhile; losing it would make every original unreadable.
  fs.writeFileSync(cfg.file, bytes.toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
  return { key: MasterKey.fromBytes(bytes), created: cfg.file }
}

export function newDataKey(): Buffer {
  return crypto.randomBytes(KEY_BYTES)
}

/** A stream that encrypts: writes MAGIC + IV, then ciphertext, then the 16-byte GCM tag. */
export function encryptStream(dataKey: Buffer, aad: string): Transform {
  const iv = crypto.randomBytes(IV_BYTES)
  const cipher = crypto.createCipheriv('aes-256-gcm', dataKey, iv)
  cipher.setAAD(Buffer.from(aad))
  let started = false
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      if (!started) {
        started = true
        this.push(Buffer.concat([MAGIC, iv]))
      }
      cb(null, cipher.update(chunk))
    },
    flush(cb) {
      if (!started) this.push(Buffer.concat([MAGIC, iv]))
      this.push(cipher.final())
      cb(null, cipher.getAuthTag())
    },
  })
}

/**
 * A file's bytes, encrypted as they are read. pipe() passes no error on: a read error (the file removed,
 * a disk fault) must fail the write that consumes this stream, never reach the process as an unhandled
 * 'error' event (issue 18: a crashed server).
 */
export function encryptFile(file: string, dataKey: Buffer, aad: string): Readable {
  const source = createReadStream(file)
  const sealed = encryptStream(dataKey, aad)
  source.on('error', (err) => sealed.destroy(err))
  sealed.on('close', () => source.destroy())
  return source.pipe(sealed)
}

/** Decrypts a whole encrypted blob; throws when it was altered (GCM authentication). */
export function decryptBuffer(dataKey: Buffer, blob: Buffer, aad: string): Buffer {
  if (blob.length < MAGIC.length + IV_BYTES + TAG_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error('not an encrypted blob')
  }
  const iv = blob.subarray(MAGIC.length, MAGIC.length + IV_BYTES)
  const tag = blob.subarray(blob.length - TAG_BYTES)
  const d = crypto.createDecipheriv('aes-256-gcm', dataKey, iv)
  d.setAAD(Buffer.from(aad))
  d.setAuthTag(tag)
  return Buffer.concat([d.update(blob.subarray(MAGIC.length + IV_BYTES, blob.length - TAG_BYTES)), d.final()])
}

export const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex')
export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url')
export const hmac = (key: Buffer, data: string) => crypto.createHmac('sha256', key).update(data).digest('base64url')
