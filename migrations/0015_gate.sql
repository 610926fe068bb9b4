-- Hand-written. A download grant remembers the API key it was asked with, so that revoking the key ends
-- the grant's signed links already handed out (the gate re-checks the key, the organisation and the
-- journalist's membership on every fetch: api/src/modules/gate). Null for a journalist's grant and for
-- grants made before this migration (those end with their organisation).
ALTER TABLE "download_grants" ADD COLUMN "api_key_id" uuid REFERENCES "api_keys"("id");
