ALTER TABLE "photos" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "erased_at" timestamp with time zone;