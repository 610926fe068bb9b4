-- Hand-written (issue 18). A change log beside the NOTIFY of 0014, so that a replica can make sure, with
-- one indexed lookup per request, that it has applied every change committed before that request began:
-- a NOTIFY may still be on its way (another replica withdrew a moment ago) or stuck in a stalled
-- listener connection. Each row names the photo a change touched (NULL: every photo, after a TRUNCATE)
-- and the writing transaction's id; a reader asks for the rows of transactions that were not yet
-- visible in the snapshot of its previous check (api/src/modules/photos/photos.freshness.ts).
CREATE TABLE photo_changes (
  seq bigserial PRIMARY KEY,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  photo_id uuid,
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
--> statement-breakpoint
CREATE INDEX photo_changes_xid ON photo_changes (xid);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION eb_notify_photo_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    photo uuid;
  BEGIN
    IF TG_TABLE_NAME = 'photos' THEN
      photo := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    ELSE
      photo := CASE WHEN TG_OP = 'DELETE' THEN OLD.photo_id ELSE NEW.photo_id END;
      -- A row moved to another photo changes both.
      IF TG_OP = 'UPDATE' AND OLD.photo_id IS DISTINCT FROM NEW.photo_id THEN
        PERFORM pg_notify('eb_photo_changed', OLD.photo_id::text);
        INSERT INTO photo_changes (photo_id) VALUES (OLD.photo_id);
      END IF;
    END IF;
    PERFORM pg_notify('eb_photo_changed', photo::text);
    INSERT INTO photo_changes (photo_id) VALUES (photo);
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION eb_notify_photos_truncated() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN PERFORM pg_notify('eb_photo_changed', '*'); INSERT INTO photo_changes (photo_id) VALUES (NULL); RETURN NULL; END $$;
--> statement-breakpoint
-- ALWAYS: the triggers fire also under session_replication_role = replica (logical replication, some
-- restore and bulk-load tools). Only an explicit ALTER TABLE … DISABLE TRIGGER by the table's owner skips
-- them; such a change is then caught only by PHOTO_CACHE_SECONDS (README, "Reading a photo").
ALTER TABLE photos ENABLE ALWAYS TRIGGER photos_changed;
--> statement-breakpoint
ALTER TABLE photo_subjects ENABLE ALWAYS TRIGGER photo_subjects_changed;
--> statement-breakpoint
ALTER TABLE consents ENABLE ALWAYS TRIGGER consents_changed;
--> statement-breakpoint
ALTER TABLE derivatives ENABLE ALWAYS TRIGGER derivatives_changed;
--> statement-breakpoint
ALTER TABLE photos ENABLE ALWAYS TRIGGER photos_truncated;
--> statement-breakpoint
ALTER TABLE photo_subjects ENABLE ALWAYS TRIGGER photo_subjects_truncated;
--> statement-breakpoint
ALTER TABLE consents ENABLE ALWAYS TRIGGER consents_truncated;
--> statement-breakpoint
ALTER TABLE derivatives ENABLE ALWAYS TRIGGER derivatives_truncated;
