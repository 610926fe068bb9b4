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
	"tsv" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_uses_idx" ON "search_documents" USING gin ("uses");--> statement-breakpoint
CREATE INDEX "search_documents_collections_idx" ON "search_documents" USING gin ("collections");--> statement-breakpoint
CREATE INDEX "search_documents_newest_idx" ON "search_documents" USING btree ("published_at" DESC NULLS LAST,"photo_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_documents_photographer_idx" ON "search_documents" USING btree ("photographer_id");--> statement-breakpoint
CREATE INDEX "search_documents_series_idx" ON "search_documents" USING btree ("series");--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);