-- Hand-written. The in-process search engine (api/src/modules/search/search.memory.ts) keeps its index in
-- each process's memory and `search_documents` as the record. Every change to that table is announced on
-- eb_search_changed with the photo's id when it commits, whoever wrote it (a sync job in this process or
-- another replica, `search reindex`, psql), and every process reads that entry back into its index.
CREATE OR REPLACE FUNCTION eb_notify_search_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM pg_notify('eb_search_changed', (CASE WHEN TG_OP = 'DELETE' THEN OLD.photo_id ELSE NEW.photo_id END)::text);
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER search_documents_changed AFTER INSERT OR UPDATE OR DELETE ON search_documents FOR EACH ROW EXECUTE FUNCTION eb_notify_search_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION eb_notify_search_truncated() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN PERFORM pg_notify('eb_search_changed', '*'); RETURN NULL; END $$;
--> statement-breakpoint
CREATE TRIGGER search_documents_truncated AFTER TRUNCATE ON search_documents FOR EACH STATEMENT EXECUTE FUNCTION eb_notify_search_truncated();
--> statement-breakpoint
-- Sessions and API keys are checked from memory while this feed is heard (api/src/modules/auth/auth.cache.ts):
-- whatever can end or change what a token stands for is announced on eb_auth_changed at commit, and every
-- process forgets what it cached. A new session needs no message (nothing cached it yet); an API key's
-- last-used stamp is not a change of what it stands for.
CREATE OR REPLACE FUNCTION eb_notify_auth_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN PERFORM pg_notify('eb_auth_changed', TG_TABLE_NAME); RETURN NULL; END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_auth_changed AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION eb_notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER users_auth_changed AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION eb_notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER organisation_members_auth_changed AFTER INSERT OR UPDATE OR DELETE ON organisation_members FOR EACH ROW EXECUTE FUNCTION eb_notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER organisations_auth_changed AFTER UPDATE OR DELETE ON organisations FOR EACH ROW EXECUTE FUNCTION eb_notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER api_keys_auth_changed AFTER UPDATE OF revoked_at, secret_hash, prefix, organisation_id OR DELETE ON api_keys FOR EACH ROW EXECUTE FUNCTION eb_notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_auth_truncated AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION eb_notify_auth_changed();
--> statement-breakpoint
-- ALWAYS, as the photo triggers since 0019_faults: a revocation or a search change written under
-- session_replication_role = replica (logical replication, restore and bulk-load tools) is announced too.
ALTER TABLE search_documents ENABLE ALWAYS TRIGGER search_documents_changed;
--> statement-breakpoint
ALTER TABLE search_documents ENABLE ALWAYS TRIGGER search_documents_truncated;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ALWAYS TRIGGER sessions_auth_changed;
--> statement-breakpoint
ALTER TABLE users ENABLE ALWAYS TRIGGER users_auth_changed;
--> statement-breakpoint
ALTER TABLE organisation_members ENABLE ALWAYS TRIGGER organisation_members_auth_changed;
--> statement-breakpoint
ALTER TABLE organisations ENABLE ALWAYS TRIGGER organisations_auth_changed;
--> statement-breakpoint
ALTER TABLE api_keys ENABLE ALWAYS TRIGGER api_keys_auth_changed;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ALWAYS TRIGGER sessions_auth_truncated;
