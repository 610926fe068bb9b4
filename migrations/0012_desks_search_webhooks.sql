CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "delivery_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"status_code" integer,
	"error_class" text,
	"duration_ms" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"endpoint_id" uuid,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "notice_deliveries_once" UNIQUE NULLS NOT DISTINCT("notice_id","channel","endpoint_id"),
	CONSTRAINT "notice_deliveries_channel_check" CHECK ("notice_deliveries"."channel" in ('webhook', 'email')),
	CONSTRAINT "notice_deliveries_state_check" CHECK ("notice_deliveries"."state" in ('pending', 'waiting', 'delivered', 'dead', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"url" text NOT NULL,
	"secret_sealed" text,
	"events" text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"photo_id" uuid PRIMARY KEY NOT NULL,
	"caption_nl" text,
	"caption_en" text,
	"alt_nl" text,
	"alt_en" text,
	"tags" text[] NOT NULL,
	"series" text,
	"credit" text NOT NULL,
	"photographer_id" uuid NOT NULL,
	"collections" uuid[] NOT NULL,
	"orientation" text NOT NULL,
	"colour" text,
	"uses" text[] NOT NULL,
	"public_preview" boolean NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"tsv" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "takedown_notices" DROP CONSTRAINT "takedown_notices_once";--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "requested_by" uuid;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "outlet" text;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "headline" text;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "article_url" text;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "preset" text DEFAULT 'large' NOT NULL;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "format" text DEFAULT 'jpeg' NOT NULL;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "attribution" jsonb;--> statement-breakpoint
ALTER TABLE "download_grants" ADD COLUMN "publication_reported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD COLUMN "role" text DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "notice_email" text;--> statement-breakpoint
ALTER TABLE "takedown_notices" ADD COLUMN "key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "takedown_notices" ADD COLUMN "data" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_delivery_id_notice_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."notice_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_notice_id_takedown_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."takedown_notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_org_idx" ON "api_keys" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "delivery_attempts_delivery_idx" ON "delivery_attempts" USING btree ("delivery_id","attempt");--> statement-breakpoint
CREATE INDEX "notice_deliveries_endpoint_idx" ON "notice_deliveries" USING btree ("endpoint_id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_org_idx" ON "webhook_endpoints" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_uses_idx" ON "search_documents" USING gin ("uses");--> statement-breakpoint
CREATE INDEX "search_documents_collections_idx" ON "search_documents" USING gin ("collections");--> statement-breakpoint
CREATE INDEX "search_documents_newest_idx" ON "search_documents" USING btree ("published_at" DESC NULLS LAST,"photo_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_documents_photographer_idx" ON "search_documents" USING btree ("photographer_id");--> statement-breakpoint
CREATE INDEX "search_documents_series_idx" ON "search_documents" USING btree ("series");--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "download_grants" ADD CONSTRAINT "download_grants_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "download_grants_org_created_idx" ON "download_grants" USING btree ("organisation_id","created_at","id");--> statement-breakpoint
ALTER TABLE "takedown_notices" ADD CONSTRAINT "takedown_notices_once" UNIQUE("photo_id","organisation_id","event","key");--> statement-breakpoint
ALTER TABLE "download_grants" ADD CONSTRAINT "download_grants_urls_check" CHECK (("download_grants"."article_url" is null or "download_grants"."article_url" ~* '^https?://') and ("download_grants"."publication_url" is null or "download_grants"."publication_url" ~* '^https?://'));--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_role_check" CHECK ("organisation_members"."role" in ('member', 'manager'));