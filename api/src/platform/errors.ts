import fp from 'fastify-plugin'
import type { FastifyError, FastifyInstance } from 'fastify'
import { safePath } from './logger.ts'
import { chain, loggable } from './loggable.ts'
import { Problem, problems } from './problems.ts'

export { loggable }

/** Maps fastify's and plugins' own error codes to our problems. */
const BY_CODE: Record<string, (e: FastifyError) => Problem> = {
  FST_REQ_FILE_TOO_LARGE: () => new Problem(413, 'file-too-large', 'The file is too large', 'The upload is larger than the size limit.'),
  FST_PARTS_LIMIT: () => problems.badRequest('Too many parts in the multipart body.'),
  FST_FILES_LIMIT: () => problems.badRequest('Send one file per request, in the field "file".'),
  FST_FIELDS_LIMIT: () => problems.badRequest('Too many fields in the multipart body.'),
  FST_PROTO_VIOLATION: () => problems.badRequest('The body contains a forbidden property name.'),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () => new Problem(415, 'unsupported-media-type', 'Unsupported media type', 'Send the photo as multipart/form-data.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new Problem(415, 'unsupported-media-type', 'Unsupported media type', 'This content type is not accepted here.'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => problems.badRequest('The JSON body is empty.'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => problems.badRequest('The body is not valid JSON.'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new Problem(413, 'payload-too-large', 'The request body is too large', 'The request body is larger than allowed.'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => problems.badRequest('The Content-Length header does not match the body.'),
}

// SQLSTATE classes 08 (connection), 57P0x (shutdown, cannot connect now), 53 (insufficient resources:
// disk full, out of memory, too many connections); the socket's own codes; PGlite closed or aborted.
const DB_DOWN = /^(08|57P0[1-3]|53)/
const NET_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND'])
const DB_DOWN_MESSAGE = /Connection terminated|connection error|timeout exceeded when trying to connect|PGlite is closed|Client was closed/i
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT'])

/**
 * A fault of the infrastructure, not of the request: the database unreachable or the disk full. 503 with
 * Retry-After (the client may try again), not 500 (issue 18).
 */
export function unavailable(err: unknown): Problem | null {
  for (const e of chain(err)) {
    const code = typeof e.code === 'string' ? e.code : ''
    if (DISK_FULL.has(code)) return problems.unavailable('storage-unavailable', 'Storage is full', 60)
    if (NET_DOWN.has(code) || DB_DOWN.test(code) || (typeof e.message === 'string' && DB_DOWN_MESSAGE.test(e.message))) {
      return problems.unavailable('database-unavailable', 'The database cannot be reached', 5)
    }
  }
  return null
}

export function toProblem(err: FastifyError | Problem | Error): Problem {
  if (err instanceof Problem) return err
  const down = unavailable(err)
  if (down) return down
  const fe = err as FastifyError
  if (fe.validation) {
    const errors = fe.validation.map((v) => ({
      path: `${fe.validationContext ?? ''}${v.instancePath || (v.params && 'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : '')}`,
      message: v.message ?? 'invalid',
    }))
    return problems.validation(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors)
  }
  if (fe.code && BY_CODE[fe.code]) return BY_CODE[fe.code]!(fe)
  if (fe.statusCode === 429) return problems.tooManyRequests(Number((fe as unknown as { retryAfter?: number }).retryAfter ?? 60))
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return problems.fromStatus(fe.statusCode, fe.message)
  return problems.internal()
}

/** Every error leaves as application/problem+json (RFC 9457); a 5xx says nothing about the inside. */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err, request, reply) => {
      const problem = toProblem(err as FastifyError)
      if (problem.status >= 500) request.log.error({ err: loggable(err), problem: problem.slug }, 'request failed')
      else request.log.info({ problem: problem.slug, status: problem.status }, 'request refused')
      for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v)
      // Refused before the body was read to its end (an upload over a limit, say): the rest of it is still
      // on the socket, so the connection can't carry another request. Close it rather than drain it.
      if (!request.raw.complete) reply.header('connection', 'close')
      return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem.toJSON())
    })
    app.setNotFoundHandler((request, reply) => {
      const problem = problems.notFound(`No route for ${request.method} ${safePath(request.url)}.`)
      return reply.code(404).type('application/problem+json; charset=utf-8').send(problem.toJSON())
    })
  },
  { name: 'errors' },
)
