-- Hand-written. Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): one row per caller, route and
-- key. 'running' while the first request is in flight (its lease in locked_until; a crashed holder's lease
-- runs out and a retry takes over), 'done' with the response to replay. resource_id is written in the same
-- transaction as what the request created, so a retry after a crash finds it. Swept after expires_at.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  caller text NOT NULL,
  route text NOT NULL,
  key_hash text NOT NULL,
  fingerprint text NOT NULL,
  state text NOT NULL DEFAULT 'running',
  token text NOT NULL,
  locked_until timestamptz,
  resource_id text,
  status integer,
  headers jsonb,
  body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CONSTRAINT idempotency_keys_pkey PRIMARY KEY (caller, route, key_hash),
  CONSTRAINT idempotency_keys_state_check CHECK (state IN ('running', 'done'))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idempotency_keys_expires_idx ON idempotency_keys (expires_at);
