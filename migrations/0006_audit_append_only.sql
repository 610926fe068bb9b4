-- Hand-written (drizzle-kit can't emit triggers). The audit trail is append-only in the database itself,
-- not only in our code (DESIGN.md promise 6). Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).
--
-- 1. audit_events refuses UPDATE, DELETE and TRUNCATE. Statement-level, so even a statement that would
--    touch no row is refused, and INSERT ... ON CONFLICT DO UPDATE and MERGE are refused too.
-- 2. Every inserted event must continue the chain: its seq is the head's seq + 1 and its prev_hash is the
--    head's hash; the head moves forward in the same transaction. AuditLog.append does this anyway (under
--    an advisory lock); the trigger makes any other writer fail loudly instead of forking the chain.
-- 3. audit_head (one row) can't be deleted, truncated or inserted into, and can only move one event
--    forward, onto an event that exists with that hash.
--
-- What this cannot stop: the owner of the tables or a superuser can disable triggers. That is why the
-- rows are hash-chained and verified (`npm run cli -- audit verify`), and why the verify output shows the
-- head, to be recorded outside the database. In production the app should not connect as the tables'
-- owner (grant it INSERT and SELECT on audit_events, SELECT and UPDATE on audit_head).
-- Error codes (SQLSTATE) are ours, so callers can tell these refusals apart: EBA01 append-only, EBA02
-- does not continue the chain, EBA03 head refused.
INSERT INTO "audit_head" ("id", "seq", "hash") VALUES (true, 0, repeat('0', 64));
--> statement-breakpoint
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'EBA01';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE FUNCTION audit_events_advance_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "audit_head" SET "seq" = NEW."seq", "hash" = NEW."hash"
    WHERE "seq" = NEW."seq" - 1 AND "hash" = NEW."prev_hash";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit event % does not continue the chain', NEW."seq" USING ERRCODE = 'EBA02';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain AFTER INSERT ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_advance_head();
--> statement-breakpoint
CREATE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'audit_head: % refused', TG_OP USING ERRCODE = 'EBA03';
  END IF;
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."seq" <> OLD."seq" + 1
     OR NOT EXISTS (SELECT 1 FROM "audit_events" WHERE "seq" = NEW."seq" AND "hash" = NEW."hash") THEN
    RAISE EXCEPTION 'audit_head only moves forward onto the next event' USING ERRCODE = 'EBA03';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON "audit_head"
  FOR EACH ROW EXECUTE FUNCTION audit_head_guard();
--> statement-breakpoint
CREATE TRIGGER audit_head_no_insert_delete BEFORE INSERT OR DELETE OR TRUNCATE ON "audit_head"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_head_guard();
