/**
 * RFC 9457 problem details: one error type for the whole app. Each module names its own problems; the
 * error handler (platform/errors.ts) turns a Problem into an application/problem+json response. The `type`
 * is a stable URI reference per problem (`/problems/<slug>`), which clients switch on.
 */
import { STATUS_CODES } from 'node:http'
import Type from 'typebox'

export class Problem extends Error {
  readonly type: string
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title)
    this.name = 'Problem'
    this.type = `/problems/${slug}`
  }

  toJSON(instance?: string) {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extensions,
    }
  }
}

export const problems = {
  validation: (detail: string, errors: { path: string; message: string }[] = []) =>
    new Problem(400, 'validation-failed', 'The request is not valid', detail, { errors }),
  badRequest: (detail: string) => new Problem(400, 'bad-request', 'Bad request', detail),
  unauthenticated: () =>
    new Problem(
      401,
      'unauthenticated',
      'Authentication required',
      'Log in, or send a valid token as Authorization: Bearer.',
      {},
      { 'www-authenticate': 'Bearer' },
    ),
  forbidden: (detail = 'You are not allowed to do this.') => new Problem(403, 'forbidden', 'Forbidden', detail),
  csrf: () =>
    new Problem(
      403,
      'csrf-token-missing',
      'Missing or wrong CSRF token',
      'A request authenticated by the session cookie must send the x-csrf-token header from the login response.',
    ),
  notFound: (detail = 'Nothing here.') => new Problem(404, 'not-found', 'Not found', detail),
  conflict: (slug: string, title: string, detail: string, ext: Record<string, unknown> = {}) => new Problem(409, slug, title, detail, ext),
  tooManyRequests: (retryAfterSeconds: number) =>
    new Problem(429, 'too-many-requests', 'Too many requests', `Try again in ${retryAfterSeconds} seconds.`, {}, { 'retry-after': String(retryAfterSeconds) }),
  /** The infrastructure (database, disk) failed, not the request: try again later. */
  unavailable: (slug: 'database-unavailable' | 'storage-unavailable', title: string, retryAfterSeconds: number) =>
    new Problem(
      503,
      slug,
      title,
      `The service is temporarily unavailable. Try again in ${retryAfterSeconds} seconds.`,
      {},
      { 'retry-after': String(retryAfterSeconds) },
    ),
  busy: (retryAfterSeconds: number) =>
    new Problem(503, 'busy', 'The image pipeline is busy', `Try again in ${retryAfterSeconds} seconds.`, {}, { 'retry-after': String(retryAfterSeconds) }),
  internal: () => new Problem(500, 'internal-error', 'Internal server error', 'Something went wrong on our side. It has been logged.'),
  fromStatus: (status: number, detail?: string) =>
    new Problem(
      status,
      status === 413 ? 'payload-too-large' : status === 415 ? 'unsupported-media-type' : `http-${status}`,
      STATUS_CODES[status] ?? 'Error',
      detail,
    ),
}

/** The shared response schema for documented problem responses (OpenAPI). */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' },
)
