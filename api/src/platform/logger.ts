/**
 * pino options for the whole app. Logged objects go through redaction; request logs carry the method and
 * a path with its query string dropped and token-like segments masked (later portal links put tokens in
 * paths). Never log EXIF, GPS, upload filenames or legal names: there is no field for them here, and code
 * must not add one.
 */
import type { LoggerOptions } from 'pino'
import type { Config } from '../config.ts'

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.csrfToken',
  '*.email',
  '*.apiKey',
  '*.masterKey',
  '*.filename',
  'password',
  'token',
  'email',
  'filename',
]

/** Masks anything that looks like a secret in a path segment (>= 24 url-safe characters, or a prefixed token). */
export function safePath(url: string): string {
  const p = url.split('?')[0] ?? ''
  return p
    .split('/')
    .map((seg) => (/^(ebs_|ebk_)/.test(seg) || /^[A-Za-z0-9_-]{32,}$/.test(seg) ? '[redacted]' : seg))
    .join('/')
}

export function loggerOptions(config: Pick<Config, 'logLevel'>): LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }): object => ({ id: req.id, method: req.method, path: safePath(req.url) }),
    },
  }
}
