-- A join request or referral outlives the record it matched: deleting the record clears only the
-- reference. Plain SET NULL over (tenant_id, record_id) would null tenant_id too and fail its NOT NULL.
-- PostgreSQL 15 and newer accept a column list on SET NULL; drizzle cannot spell it, so the schema
-- says 'set null' and this migration narrows it.
ALTER TABLE "join_requests" DROP CONSTRAINT "join_requests_record_fk";--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_record_fk" FOREIGN KEY ("tenant_id","matched_record_id") REFERENCES "public"."alumni_records"("tenant_id","id") ON DELETE SET NULL ("matched_record_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" DROP CONSTRAINT "referrals_record_fk";--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_record_fk" FOREIGN KEY ("tenant_id","record_id") REFERENCES "public"."alumni_records"("tenant_id","id") ON DELETE SET NULL ("record_id") ON UPDATE no action;
