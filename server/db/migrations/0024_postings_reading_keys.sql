ALTER TABLE "record_search_postings" ADD COLUMN "reading_keys" text[] COLLATE "C" DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "record_search_postings" ALTER COLUMN "reading_keys" SET STORAGE EXTERNAL;--> statement-breakpoint
-- The postings now hold each record's reading key beside its id: filled in by a rebuild at the next start.
INSERT INTO "maintenance_tasks" ("name") VALUES ('registry.rebuild_search') ON CONFLICT DO NOTHING;
