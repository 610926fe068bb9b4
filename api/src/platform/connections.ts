/**
 * Slow and greedy clients (issue 16): a client that opens connections and then sends its headers or body
 * a byte at a time must not hold the server's sockets and temp files for minutes. Four limits:
 * - Node's own timers (serverOptions): the headers within HEADERS_TIMEOUT_MS, the whole request within
 *   REQUEST_TIMEOUT_MS, an idle keep-alive closed after KEEP_ALIVE_TIMEOUT_MS, an idle socket after
 *   IDLE_TIMEOUT_MS; Node checks the first two only every connectionsCheckingInterval (30 s by default,
 *   which let slow headers live 60–90 s), so it is set to a fraction of the headers timeout.
 * - a minimum body rate: a request whose body arrives slower than MIN_BODY_BYTES_PER_SECOND over a window
 *   of BODY_RATE_WINDOW_MS has its connection closed (a byte every 10 s is never "idle" for Node);
 * - a cap on open connections per client address (MAX_CONNECTIONS_PER_ADDRESS): the connection over the
 *   cap is closed at once. Behind the reverse proxy every connection is the proxy's: see the README;
 * - client errors (431 headers too large, 408, 400) answered as problem+json, like every other error.
 * The reverse proxy in front (Caddyfile) repeats the same limits, so they hold even before the app.
 */
import http from 'node:http'
import type net from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.ts'

type Limits = Config['http']

/** Options for Fastify's constructor: Node's timers, checked often enough to matter. */
export function serverOptions(l: Limits) {
  return {
    connectionTimeout: l.idleTimeoutMs,
    keepAliveTimeout: l.keepAliveTimeoutMs,
    requestTimeout: l.requestTimeoutMs,
    http: {
      headersTimeout: Math.min(l.headersTimeoutMs, l.requestTimeoutMs),
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(l.headersTimeoutMs / 4))),
    },
    clientErrorHandler,
  }
}

/** Node answers these itself, before any route: the same problem+json shape as every other error. */
function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: net.Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const [status, type, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers-too-large', 'The request headers are too large.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request-timeout', 'The request took too long to arrive.']
        : [400, 'bad-request', 'The request could not be read.']
  const body = JSON.stringify({ type: `/problems/${type}`, title: http.STATUS_CODES[status], status, detail })
  this.log.debug({ code: err.code, status }, 'client error')
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}

/** How long a connection cut short may still drain what the client sent before it read our answer. */
const LINGER_MS = 2000

function hasBody(raw: http.IncomingMessage) {
  return Number(raw.headers['content-length'] ?? 0) > 0 || raw.headers['transfer-encoding'] !== undefined
}

/** The per-address connection cap and the minimum body rate, on the app's own server. */
export function guardConnections(app: FastifyInstance, l: Limits) {
  if (l.maxConnectionsPerAddress > 0) {
    const open = new Map<string, number>()
    app.server.on('connection', (socket: net.Socket) => {
      const address = socket.remoteAddress ?? ''
      const n = (open.get(address) ?? 0) + 1
      if (n > l.maxConnectionsPerAddress) {
        app.log.warn({ connections: n - 1 }, 'connection refused: too many open connections from one address')
        socket.destroy()
        return
      }
      open.set(address, n)
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1
        if (left <= 0) open.delete(address)
        else open.set(address, left)
      })
    })
  }
  // A response sent before its request's body was read (a 413 at the size cap, a 401 on an upload): the
  // rest of the body is not read to the end (Node would, to keep the connection): the connection closes,
  // with a lingering close (as nginx does). Closing at once with unread bytes in the kernel's buffer sends
  // a TCP reset, which can destroy the response before the client reads it; so our side ends after the
  // response (Node's destroySoon would destroy right after it: replaced for this socket), what still
  // arrives is dropped, and the socket is destroyed after LINGER_MS at the latest.
  app.addHook('onSend', async (request, reply) => {
    if (request.raw.complete || !hasBody(request.raw)) return
    reply.header('connection', 'close')
    const socket = request.raw.socket as net.Socket & { destroySoon?: () => void }
    socket.destroySoon = () => {
      socket.end()
      request.raw.resume()
      const timer = setTimeout(() => socket.destroy(), LINGER_MS)
      timer.unref()
      socket.once('close', () => clearTimeout(timer))
    }
  })
  if (l.minBodyBytesPerSecond > 0) {
    const perWindow = (l.minBodyBytesPerSecond * l.bodyRateWindowMs) / 1000
    app.addHook('onRequest', (request, reply, done) => {
      const raw = request.raw
      if (!hasBody(raw) || raw.complete) return done()
      // Read from the socket's byte count: listening to the body would consume it before its parser does.
      const socket = raw.socket
      let seen = socket.bytesRead
      // Stopped when the response is done as well, not only at the next tick: a keep-alive socket carries
      // many requests, and each one's listener must go with it (else they pile up on the socket).
      const stop = () => {
        clearInterval(timer)
        socket.off('close', stop)
        reply.raw.off('close', stop)
      }
      const timer = setInterval(() => {
        if (raw.complete || socket.destroyed || request.raw.socket !== socket || reply.raw.headersSent) return stop()
        const now = socket.bytesRead
        // Only the client's slowness counts: not a window in which we did not read (the handler not yet
        // reading, its consumer pushing back, bytes waiting in our buffer).
        const waitingForClient = raw.readableFlowing === true && raw.readableLength === 0
        if (now - seen < perWindow && waitingForClient) {
          stop()
          request.log.info({ bytesInWindow: now - seen, windowMs: l.bodyRateWindowMs }, 'request body too slow: connection closed')
          socket.destroy()
          return
        }
        seen = now
      }, l.bodyRateWindowMs)
      timer.unref()
      socket.once('close', stop)
      reply.raw.once('close', stop)
      done()
    })
  }
}
