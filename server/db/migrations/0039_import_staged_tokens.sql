-- Dry runs checked before this version noted their search-token changes in import_token_changes, which
-- the apply no longer reads: their staged rows carry no tokens. They go back to 'uploaded' (mapping
-- kept) and need a new dry run. Row-level security is lifted for the owner while it clears every network.
ALTER TABLE "registry_imports" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "import_staged" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "import_token_changes" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE "registry_imports" SET "status" = 'uploaded', "processed_rows" = 0, "counts" = NULL, "checked_at" = NULL
  WHERE "status" IN ('checked', 'applying');--> statement-breakpoint
DELETE FROM "import_staged";--> statement-breakpoint
DELETE FROM "import_token_changes";--> statement-breakpoint
ALTER TABLE "registry_imports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "import_staged" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "import_token_changes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "import_token_changes" DROP CONSTRAINT "import_token_changes_tenant_id_import_id_part_change_token_pk";--> statement-breakpoint
ALTER TABLE "import_token_changes" ADD CONSTRAINT "import_token_changes_tenant_id_import_id_change_token_pk" PRIMARY KEY("tenant_id","import_id","change","token");--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "tokens_added" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged" ADD COLUMN "tokens_removed" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "import_token_changes" DROP COLUMN "part";
