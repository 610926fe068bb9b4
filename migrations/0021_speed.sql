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
