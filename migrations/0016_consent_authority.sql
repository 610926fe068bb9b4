-- Who wrote each consent version (DESIGN.md, "The person's word is final"): the person in the portal, the
-- photographer (from a signed release), an admin, or the system (expiry, erasure). Older rows are named
-- from who made them: a subject is the person; a user is an admin when their role says so.
ALTER TABLE "consents" ADD COLUMN "author" text;--> statement-breakpoint
UPDATE "consents" c SET "author" = CASE
	WHEN c."actor_kind" = 'subject' THEN 'person'
	WHEN c."actor_kind" = 'system' THEN 'system'
	WHEN EXISTS (SELECT 1 FROM "users" u WHERE u."id"::text = c."actor_id" AND u."role" = 'admin') THEN 'admin'
	ELSE 'photographer'
END;--> statement-breakpoint
-- A writer that does not say (bulk loads, benchmarks) is taken for a photographer: never the person's word.
ALTER TABLE "consents" ALTER COLUMN "author" SET DEFAULT 'photographer';--> statement-breakpoint
ALTER TABLE "consents" ALTER COLUMN "author" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_author_check" CHECK ("consents"."author" in ('person', 'photographer', 'admin', 'system'));--> statement-breakpoint
-- The protective topics (vocabulary.ts DEFAULT_EXCLUDED_TOPICS) this version leaves open because the person
-- lifted them. For older rows only the person's own versions count: a topic a photographer left open is
-- not recorded as lifted by the person.
ALTER TABLE "consents" ADD COLUMN "lifted_topics" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "consents" SET "lifted_topics" = ARRAY(
	SELECT t FROM unnest(ARRAY['trafficking', 'crime', 'violence', 'health', 'victimhood']) WITH ORDINALITY AS d(t, i)
	WHERE NOT (t = ANY("excluded_topics")) ORDER BY i
) WHERE "author" = 'person' AND "state" = 'active';--> statement-breakpoint
-- A wider consent proposed by a photographer or admin after the person has set theirs: it takes effect only
-- when the person accepts it in the portal. A proposal stands against one version (base_version); any
-- newer version supersedes it. Rows are kept: what was proposed, by whom and what the person said is history.
CREATE TABLE "consent_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"photo_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"base_version" integer NOT NULL,
	"terms" jsonb NOT NULL,
	"widens" text[] NOT NULL,
	"proposed_by_kind" text NOT NULL,
	"proposed_by" uuid,
	"state" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"accepted_version" integer,
	CONSTRAINT "consent_proposals_kind_check" CHECK ("consent_proposals"."proposed_by_kind" in ('photographer', 'admin')),
	CONSTRAINT "consent_proposals_state_check" CHECK ("consent_proposals"."state" in ('pending', 'accepted', 'declined', 'superseded'))
);
--> statement-breakpoint
ALTER TABLE "consent_proposals" ADD CONSTRAINT "consent_proposals_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_proposals" ADD CONSTRAINT "consent_proposals_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_proposals" ADD CONSTRAINT "consent_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- At most one open proposal per person and photo: a newer one supersedes it.
CREATE UNIQUE INDEX "consent_proposals_pending_idx" ON "consent_proposals" USING btree ("photo_id","subject_id") WHERE "consent_proposals"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "consent_proposals_subject_idx" ON "consent_proposals" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE INDEX "consent_proposals_photo_idx" ON "consent_proposals" USING btree ("photo_id","created_at");--> statement-breakpoint
-- A grant for a protective topic says that everyone pictured lifted it themselves ('person'); null otherwise.
ALTER TABLE "download_grants" ADD COLUMN "topic_lifted_by" text;--> statement-breakpoint
ALTER TABLE "download_grants" ADD CONSTRAINT "download_grants_topic_lifted_by_check" CHECK ("download_grants"."topic_lifted_by" is null or "download_grants"."topic_lifted_by" = 'person');
