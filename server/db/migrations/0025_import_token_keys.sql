ALTER TABLE "import_token_changes" ADD COLUMN "reading_keys" text[] COLLATE "C" DEFAULT '{}' NOT NULL;
