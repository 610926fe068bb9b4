import http from 'node:http'
import net from 'node:net'
import { sql } from 'drizzle-orm'
import { rowsOf, type Db } from '../../../api/src/db/client.ts'

/** One request as a receiver saw it. */
export interface Received {
  headers: http.IncomingHttpHeaders
  body: string
  status: number
}

/**
 * A real HTTP receiver on loopback. `plan` gives the status for each request in turn (the last one
 * repeats; 0 = never answer); every request is recorded with its headers and raw body.
 */
export async function receiver(plan: number[] = [204]) {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const status = plan[Math.min(received.length, plan.length - 1)]!
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status })
      if (status === 0) return // hang: never answer
      res.writeHead(status, { 'content-type': 'text/plain', ...(status >= 300 && status < 400 ? { location: 'http://169.254.169.254/' } : {}) })
      res.end(status >= 400 ? 'no thanks: ' + 'x'.repeat(10_000) : 'ok')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as net.AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/hooks/eerlijk-beeld`,
    received,
    close: () => new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections())),
  }
}

/** A download grant, as the download endpoint (another branch) records it. */
export async function grant(db: Db, photoId: string, organisationId: string) {
  await db.execute(sql`insert into download_grants (photo_id, organisation_id, licence, use, channel, topic)
    values (${photoId}, ${organisationId}, 'rsw-editorial@1.0', 'editorial', 'web', 'housing')`)
}

export async function noticesOf(db: Db, photoId: string) {
  return rowsOf<{
    id: string
    organisation_id: string
    event: string
    state: string
    key: string
    data: Record<string, unknown>
    delivered_at: unknown
    acknowledged_at: unknown
  }>(
    await db.execute(
      sql`select id, organisation_id, event, state, key, data, delivered_at, acknowledged_at from takedown_notices where photo_id = ${photoId} order by created_at, organisation_id`,
    ),
  )
}

/**
 * A minimal SMTP server on loopback (RFC 5321: greeting, EHLO/HELO, MAIL, RCPT, DATA, QUIT; no TLS, no
 * AUTH): enough for nodemailer to hand over a message, which is kept for the test to read.
 */
export async function smtpReceiver() {
  const messages: { from: string; to: string[]; data: string }[] = []
  const server = net.createServer((socket) => {
    let buffer = ''
    let inData = false
    let current = { from: '', to: [] as string[], data: '' }
    const say = (line: string) => socket.write(`${line}\r\n`)
    say('220 test-smtp ready')
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end < 0) return
          current.data = buffer.slice(0, end).replace(/^\.\./gm, '.')
          buffer = buffer.slice(end + 5)
          inData = false
          messages.push(current)
          current = { from: '', to: [], data: '' }
          say('250 2.0.0 queued')
          continue
        }
        const nl = buffer.indexOf('\r\n')
        if (nl < 0) return
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') say('250 test-smtp')
        else if (verb === 'MAIL') (current.from = line.slice(10).trim()), say('250 2.1.0 ok')
        else if (verb === 'RCPT') current.to.push(line.slice(8).trim()), say('250 2.1.5 ok')
        else if (verb === 'DATA') (inData = true), say('354 go ahead')
        else if (verb === 'RSET') (current = { from: '', to: [], data: '' }), say('250 ok')
        else if (verb === 'NOOP') say('250 ok')
        else if (verb === 'QUIT') say('221 bye'), socket.end()
        else say('502 not implemented')
      }
    })
    socket.on('error', () => {})
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as net.AddressInfo).port
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((r) => server.close(() => r())) }
}
