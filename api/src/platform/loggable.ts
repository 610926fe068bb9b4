/**
 * What of an error may reach the log. Used by the logger's own `err` serializer (logger.ts), so every
 * `log.x({ err })` anywhere is safe, and by the places that log an error under another key.
 */

/** The error and its causes (drizzle wraps the driver's error; fetch and pg wrap the socket's). */
export function* chain(err: unknown): Generator<Record<string, unknown>> {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) yield e as Record<string, unknown>
}

/**
 * What of a failure is logged. A database error's message, detail and stack carry the statement's
 * parameters (a login's e-mail address, say: issue 18) and the values of a violated key: only its kind
 * and codes are logged. Other errors are logged whole (pino's serialiser, redaction on).
 */
export function loggable(err: unknown): unknown {
  const fromDatabase = [...chain(err)].some(
    (e) => 'query' in e || 'params' in e || 'severity' in e || (typeof e.name === 'string' && /Drizzle|Database|PGlite/.test(e.name)),
  )
  if (!fromDatabase) return err
  return {
    type: (err as Error)?.name ?? 'Error',
    codes: [...chain(err)].map((e) => (typeof e.code === 'string' ? e.code : null)).filter(Boolean),
    note: 'database error: message and parameters not logged',
  }
}
