import Type from 'typebox'

/** The header as a documented, optional request parameter; its rules are checked by idempotencyKeyOf (stable problem types). */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      description:
        'Optional. 1–255 printable ASCII characters (a UUID, say), unique per request you mean to make once. A retry with the same key and the same request gets the first response again (`Idempotent-Replayed: true`) and creates nothing new; the same key with a different request is 422 `idempotency-key-reused`; while the first is still running, 409 `idempotency-key-in-use` with Retry-After. Keys are per caller and route, and are kept 24 hours. A 5xx is not kept: retry with the same key.',
    }),
  ),
})

export const IDEMPOTENCY_DOC =
  'Send an `Idempotency-Key` header to make retries safe (draft-ietf-httpapi-idempotency-key-header): a repeat with the same key and the same request returns the first response with `Idempotent-Replayed: true` instead of doing it twice.'
