-- Staged rows change shape (typed columns instead of one JSON value): dry runs not yet applied are run again.
DELETE FROM "import_staged";
--> statement-breakpoint
UPDATE "registry_imports" SET "status" = 'uploaded', "counts" = NULL, "processed_rows" = 0
  WHERE "status" IN ('checking', 'checked', 'applying');
--> statement-breakpoint
CREATE TABLE "record_emails" (
	"tenant_id" uuid NOT NULL,
	"email" text COLLATE "C" NOT NULL,
	"record_id" uuid NOT NULL,
	CONSTRAINT "record_emails_tenant_id_email_record_id_pk" PRIMARY KEY("tenant_id","email","record_id")
);
--> statement-breakpoint
CREATE TABLE "record_search_postings" (
	"tenant_id" uuid NOT NULL,
	"token" text NOT NULL,
	"record_ids" uuid[] NOT NULL,
	CONSTRAINT "record_search_postings_tenant_id_token_pk" PRIMARY KEY("tenant_id","token")
);
--> statement-breakpoint
CREATE TABLE "import_token_changes" (
	"tenant_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"part" integer NOT NULL,
	"token" text NOT NULL,
	"change" text NOT NULL,
	"record_ids" uuid[] NOT NULL,
	CONSTRAINT "import_token_changes_tenant_id_import_id_part_change_token_pk" PRIMARY KEY("tenant_id","import_id","part","change","token")
);
--> statement-breakpoint
ALTER TABLE "alumni_records" ALTER COLUMN "reading_key" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "alumni_records" ALTER COLUMN "reading_key" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "alumni_records" ADD COLUMN "created_by_import_id" uuid;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "employee_number" text;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "family_name" text NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "given_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "family_name_kana" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "given_name_kana" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "former_names" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "emails" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "joined_on" date;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "left_on" date;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "last_department" text;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "last_title" text;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "department_history" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "leave_reason" text;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "would_return" text DEFAULT 'unanswered' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "eligibility" text DEFAULT 'review' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "contact_consent" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "consent_source" text;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "consent_wording_version" text;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "hr_tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "hr_notes" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "status" text DEFAULT 'record' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "reading_key" text COLLATE "C" DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_imports" ADD COLUMN "applied_by" uuid;--> statement-breakpoint
ALTER TABLE "record_search_postings" ADD CONSTRAINT "record_search_postings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_token_changes" ADD CONSTRAINT "import_token_changes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_token_changes" ADD CONSTRAINT "import_token_changes_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "public"."registry_imports"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_imports" ADD CONSTRAINT "registry_imports_applied_by_fk" FOREIGN KEY ("tenant_id","applied_by") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT enishi_guard_tenant_table('record_search_postings');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('record_emails');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('import_token_changes');
--> statement-breakpoint
-- Lists of random identifiers do not compress: store them out of line without trying.
ALTER TABLE "record_search_postings" ALTER COLUMN "record_ids" SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE "import_token_changes" ALTER COLUMN "record_ids" SET STORAGE EXTERNAL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enishi_analyze_registry() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$ BEGIN ANALYZE alumni_records; ANALYZE record_search_postings; ANALYZE record_emails; END $$;
--> statement-breakpoint
-- Work the application does once at its next start, in its own code (see server/maintenance.ts).
CREATE TABLE "maintenance_tasks" (
	"name" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The new search postings and e-mail index are built from the records themselves.
INSERT INTO "maintenance_tasks" ("name") VALUES ('registry.rebuild_search');
