import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { lazyChildLoggerFactory, loggerOptions } from '../../api/src/platform/logger.ts'

function capture(level: string) {
  const lines: Record<string, unknown>[] = []
  const logger = pino({ ...loggerOptions({ logLevel: level as never }) }, { write: (l: string) => void lines.push(JSON.parse(l)) })
  return { logger, lines }
}

describe('the per-request logger, made on first use', () => {
  it('writes what an ordinary child would (bindings, redaction), and nothing below its level', () => {
    const { logger, lines } = capture('info')
    const child = lazyChildLoggerFactory(logger, { reqId: 'r1' }, {})
    child.debug('not written')
    expect(lines).toEqual([])
    expect(child.isLevelEnabled('debug')).toBe(false)
    expect(child.isLevelEnabled('info')).toBe(true)
    child.info({ token: 'ebs_secret', n: 1 }, 'written')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ reqId: 'r1', n: 1, token: '[redacted]', msg: 'written', level: 30 })
    child.child({ extra: true }).warn('from a grandchild')
    expect(lines[1]).toMatchObject({ reqId: 'r1', extra: true, msg: 'from a grandchild' })
  })

  it("honours a route's own level (logLevel: warn on the health checks)", () => {
    const { logger, lines } = capture('info')
    const child = lazyChildLoggerFactory(logger, { reqId: 'r2' }, { level: 'warn' })
    child.info('below the route level')
    expect(lines).toEqual([])
    expect(child.level).toBe('warn')
    child.error('above it')
    expect(lines).toEqual([expect.objectContaining({ reqId: 'r2', msg: 'above it', level: 50 })])
  })
})

describe("the logger's own err serializer", () => {
  it('logs a database error by kind and codes only, whoever logs it as { err }: no statement, no parameters', async () => {
    const { PGlite } = await import('@electric-sql/pglite')
    const { drizzle } = await import('drizzle-orm/pglite')
    const { sql } = await import('drizzle-orm')
    const pgl = new PGlite()
    const db = drizzle(pgl)
    const secret = 'noor.private@example.org'
    const err = await db.execute(sql`select ${secret}::int`).then(
      () => null,
      (e: unknown) => e,
    )
    await pgl.close()
    expect(err).toBeInstanceOf(Error)
    expect(String((err as Error).message)).toContain(secret) // the raw error does carry it
    const { logger, lines } = capture('info')
    logger.error({ err }, 'a background job failed')
    logger.child({ module: 'search' }).warn({ err }, 'from a child logger')
    expect(lines).toHaveLength(2)
    for (const line of lines) {
      const text = JSON.stringify(line)
      expect(text).not.toContain(secret)
      expect(text).not.toMatch(/Failed query|params|select/)
      expect(line.err).toMatchObject({ note: 'database error: message and parameters not logged' })
    }
    // Other errors keep pino's full serialisation (message and stack).
    logger.error({ err: new Error('disk went away') }, 'not a database error')
    expect(lines[2]!.err).toMatchObject({ type: 'Error', message: 'disk went away' })
  })
})
