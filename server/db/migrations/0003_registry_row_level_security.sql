SELECT enishi_guard_tenant_table('alumni_records');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('record_search_tokens');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('record_history');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('custom_field_definitions');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('segments');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('import_templates');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('registry_imports');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('import_chunks');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('import_staged');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('import_issues');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('invitations');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('invitation_templates');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('referrals');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('join_requests');
--> statement-breakpoint
-- Fresh planner statistics after a large import, callable by the application role. PGlite has no
-- autovacuum, and a planner without statistics scans a tenant's records instead of using the token index.
CREATE FUNCTION enishi_analyze_registry() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$ BEGIN ANALYZE alumni_records; ANALYZE record_search_tokens; END $$;
