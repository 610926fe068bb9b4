-- Hand-written. Keywords in both languages (issue 13: "keywords in the served language"): `tags` stays the
-- Dutch list, `tags_en` holds the English one. Both are served in the requested language (falling back to the
-- other when one is empty) and both are searched. The search copy gets the English list too; existing
-- entries start empty, as every photo's English list does.
ALTER TABLE photos ADD COLUMN tags_en text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE search_documents ADD COLUMN tags_en text[] DEFAULT '{}'::text[] NOT NULL;
