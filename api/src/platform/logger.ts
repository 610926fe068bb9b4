/**
 * pino options for the whole app. Logged objects go through redaction; request logs carry the method and
 * a path with its query string dropped and token-like segments masked (later portal links put tokens in
 * paths). Never log EXIF, GPS, upload filenames or legal names: there is no field for them here, and code
 * must not add one.
 */
import { stdSerializers, type LoggerOptions } from 'pino'
import type { Config } from '../config.ts'
import { loggable } from './loggable.ts'

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
      // A database error's message and stack carry the statement's parameters: whoever logs `{ err }`, only its kind and codes go out.
      err: (err: unknown) => stdSerializers.err(loggable(err) as Error),
    },
  }
}

type Pino = import('pino').Logger
type LogFn = (...args: unknown[]) => void

/**
 * Fastify makes a child logger (with the request id) for every request. With redaction configured, pino's
 * child() runs the redaction over the bindings, which on a cached photo was a few percent of the request,
 * for a logger that at the usual levels never writes a line. This one is made on the first line actually
 * written at an enabled level (or a child, or bindings asked for), with the same bindings and options.
 */
class LazyChildLogger {
  #real: Pino | undefined
  readonly #threshold: number
  constructor(
    private readonly parent: Pino,
    private readonly childBindings: Record<string, unknown>,
    private readonly childOptions: Record<string, unknown>,
  ) {
    const level = childOptions.level as string | undefined
    this.#threshold = level ? (parent.levels.values[level] ?? parent.levelVal) : parent.levelVal
  }
  #get(): Pino {
    return (this.#real ??= this.parent.child(this.childBindings, this.childOptions))
  }
  #at(value: number, method: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', args: unknown[]) {
    if (this.#real) return (this.#real[method] as LogFn)(...args)
    if (value >= this.#threshold) (this.#get()[method] as LogFn)(...args)
  }
  get level() {
    return this.#real?.level ?? (this.childOptions.level as string | undefined) ?? this.parent.level
  }
  set level(level: string) {
    this.#get().level = level
  }
  isLevelEnabled(level: string) {
    return this.#real ? this.#real.isLevelEnabled(level) : (this.parent.levels.values[level] ?? Infinity) >= this.#threshold
  }
  child(bindings: Record<string, unknown>, options?: Record<string, unknown>) {
    return this.#get().child(bindings, options)
  }
  bindings() {
    return this.#get().bindings()
  }
  trace(...args: unknown[]) {
    this.#at(10, 'trace', args)
  }
  debug(...args: unknown[]) {
    this.#at(20, 'debug', args)
  }
  info(...args: unknown[]) {
    this.#at(30, 'info', args)
  }
  warn(...args: unknown[]) {
    this.#at(40, 'warn', args)
  }
  error(...args: unknown[]) {
    this.#at(50, 'error', args)
  }
  fatal(...args: unknown[]) {
    this.#at(60, 'fatal', args)
  }
  silent() {}
}

/** For Fastify's `childLoggerFactory` option. */
export function lazyChildLoggerFactory(logger: unknown, bindings: Record<string, unknown>, options: Record<string, unknown>) {
  return new LazyChildLogger(logger as Pino, bindings, options)
}
