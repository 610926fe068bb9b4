CREATE TABLE "licence_versions" (
	"id" text NOT NULL,
	"version" text NOT NULL,
	"sha256" text NOT NULL,
	"file_hashes" jsonb NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licence_versions_id_version_pk" PRIMARY KEY("id","version"),
	CONSTRAINT "licence_versions_sha256_check" CHECK ("licence_versions"."sha256" ~ '^[0-9a-f]{64}$')
);
