DROP INDEX "event_registrations_member_idx";--> statement-breakpoint
DROP INDEX "events_published_ends_idx";--> statement-breakpoint
CREATE INDEX "event_registrations_member_idx" ON "event_registrations" USING btree ("tenant_id","member_id","event_id");--> statement-breakpoint
CREATE INDEX "events_published_ends_idx" ON "events" USING btree ("tenant_id","ends_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status <> 'draft';