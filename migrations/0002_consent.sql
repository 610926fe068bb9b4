CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"photo_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"state" text NOT NULL,
	"uses" text[] NOT NULL,
	"excluded_topics" text[] NOT NULL,
	"identifiable" boolean NOT NULL,
	"identifiability_agreed" boolean NOT NULL,
	"outlet_allow" text[],
	"outlet_deny" text[] DEFAULT '{}'::text[] NOT NULL,
	"public_preview" boolean NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_version_unique" UNIQUE("photo_id","subject_id","version"),
	CONSTRAINT "consents_state_check" CHECK ("consents"."state" in ('active', 'withdrawn')),
	CONSTRAINT "consents_validity_check" CHECK ("consents"."valid_until" >= "consents"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "photo_subjects" (
	"photo_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photo_subjects_photo_id_subject_id_pk" PRIMARY KEY("photo_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pseudonym" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subjects_owner_pseudonym_unique" UNIQUE("created_by","pseudonym")
);
--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "licence" text DEFAULT 'rsw-editorial@1.0' NOT NULL;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "no_people_declared_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_subjects" ADD CONSTRAINT "photo_subjects_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_subjects" ADD CONSTRAINT "photo_subjects_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_photo_idx" ON "consents" USING btree ("photo_id","subject_id","version");--> statement-breakpoint
CREATE INDEX "photo_subjects_subject_idx" ON "photo_subjects" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "subjects_created_by_idx" ON "subjects" USING btree ("created_by");--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photos_published_idx" ON "photos" USING btree ("published_at") WHERE "photos"."status" = 'published';--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_status_check" CHECK ("photos"."status" in ('draft', 'in_review', 'published', 'withdrawn'));