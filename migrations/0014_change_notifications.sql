-- Hand-written. Every change to what decides whether and how a photo is shown (the photo row, who is in
-- it, their consent, its derivatives) is announced on the channel eb_photo_changed with the photo's id,
-- whoever makes it: this app, another replica, the CLI, or someone with psql. NOTIFY is transactional: the
-- message goes out when the change commits, and not at all when it rolls back. The app's cache of photo
-- records (api/src/modules/photos/photos.records.ts) forgets a photo when it hears its id, and is only used
-- while its listener is connected and answering its own heartbeats.
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
      END IF;
    END IF;
    PERFORM pg_notify('eb_photo_changed', photo::text);
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER photos_changed AFTER INSERT OR UPDATE OR DELETE ON photos FOR EACH ROW EXECUTE FUNCTION eb_notify_photo_changed();
--> statement-breakpoint
CREATE TRIGGER photo_subjects_changed AFTER INSERT OR UPDATE OR DELETE ON photo_subjects FOR EACH ROW EXECUTE FUNCTION eb_notify_photo_changed();
--> statement-breakpoint
CREATE TRIGGER consents_changed AFTER INSERT OR UPDATE OR DELETE ON consents FOR EACH ROW EXECUTE FUNCTION eb_notify_photo_changed();
--> statement-breakpoint
CREATE TRIGGER derivatives_changed AFTER INSERT OR UPDATE OR DELETE ON derivatives FOR EACH ROW EXECUTE FUNCTION eb_notify_photo_changed();
--> statement-breakpoint
-- TRUNCATE has no rows to name: everyone forgets everything.
CREATE OR REPLACE FUNCTION eb_notify_photos_truncated() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN PERFORM pg_notify('eb_photo_changed', '*'); RETURN NULL; END $$;
--> statement-breakpoint
CREATE TRIGGER photos_truncated AFTER TRUNCATE ON photos FOR EACH STATEMENT EXECUTE FUNCTION eb_notify_photos_truncated();
--> statement-breakpoint
CREATE TRIGGER photo_subjects_truncated AFTER TRUNCATE ON photo_subjects FOR EACH STATEMENT EXECUTE FUNCTION eb_notify_photos_truncated();
--> statement-breakpoint
CREATE TRIGGER consents_truncated AFTER TRUNCATE ON consents FOR EACH STATEMENT EXECUTE FUNCTION eb_notify_photos_truncated();
--> statement-breakpoint
CREATE TRIGGER derivatives_truncated AFTER TRUNCATE ON derivatives FOR EACH STATEMENT EXECUTE FUNCTION eb_notify_photos_truncated();
