ALTER TABLE "download_grants" ADD COLUMN "requested_by" uuid;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "outlet" text;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "headline" text;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "article_url" text;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "preset" text DEFAULT 'large' NOT NULL;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "format" text DEFAULT 'jpeg' NOT NULL;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "attribution" jsonb;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "publication_reported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "download_grants" ADD CONSTRAINT "download_grants_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "download_grants_org_created_idx" ON "download_grants" USING btree ("organisation_id","created_at","id");--> statement-breakpoint
ALTER TABLE "download_grants" ADD CONSTRAINT "download_grants_urls_check" CHECK (("download_grants"."article_url" is null or "download_grants"."article_url" ~* '^https?://') and ("download_grants"."publication_url" is null or "download_grants"."publication_url" ~* '^https?://'));