-- Hand-written (issue 14, no dead ends). A curator can send a photo back to its photographer with a note:
-- a state of its own ('returned'), so neither side has to guess where it is, and the notes in a table
-- the photographer reads on the photo. Collections stay private until a curator publishes them.
ALTER TABLE "photos" DROP CONSTRAINT "photos_status_check";
--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_status_check" CHECK ("photos"."status" in ('draft', 'in_review', 'returned', 'published', 'withdrawn'));
--> statement-breakpoint
CREATE TABLE "photo_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"photo_id" uuid NOT NULL REFERENCES "photos"("id") ON DELETE CASCADE,
	"author_id" uuid NOT NULL REFERENCES "users"("id"),
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photo_notes_kind_check" CHECK ("kind" in ('returned'))
);
--> statement-breakpoint
CREATE INDEX "photo_notes_photo_idx" ON "photo_notes" USING btree ("photo_id", "created_at");
--> statement-breakpoint
ALTER TABLE "collections" ADD COLUMN "published_at" timestamp with time zone;
--> statement-breakpoint
-- Collections made before this were public the moment they were made: they stay public.
UPDATE "collections" SET "published_at" = "created_at";
