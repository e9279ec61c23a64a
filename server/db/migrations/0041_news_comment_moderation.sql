ALTER TABLE "news_comments" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "news_comments" ADD COLUMN "moderation_reason" text;--> statement-breakpoint
ALTER TABLE "news_comments" ADD COLUMN "moderated_by" uuid;--> statement-breakpoint
ALTER TABLE "news_comments" ADD COLUMN "moderated_at" timestamp with time zone;