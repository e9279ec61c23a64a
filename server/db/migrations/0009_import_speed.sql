ALTER TABLE "record_history" DROP CONSTRAINT "record_history_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "record_search_tokens" DROP CONSTRAINT "record_search_tokens_tenant_id_tenants_id_fk";
