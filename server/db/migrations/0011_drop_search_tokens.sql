DROP TABLE "record_search_tokens" CASCADE;--> statement-breakpoint
ALTER TABLE "import_staged" DROP COLUMN "row";