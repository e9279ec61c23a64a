CREATE INDEX "alumni_records_page_keys_idx" ON "alumni_records" USING btree ("tenant_id","id","reading_key","left_on","family_name","given_name");--> statement-breakpoint
CREATE INDEX "alumni_records_employee_number_c_idx" ON "alumni_records" USING btree ("tenant_id",(employee_number collate "C"));--> statement-breakpoint
-- Whole names, HR tags and departments are now tokens of the postings: rebuilt at the next start.
INSERT INTO "maintenance_tasks" ("name") VALUES ('registry.rebuild_search') ON CONFLICT DO NOTHING;
