-- Row-level security: the second wall between tenants, behind the tenant-scoped data layer.
-- The application sets app.tenant_id with set_config(..., true) inside each transaction;
-- with no setting the policies match no row at all.
CREATE FUNCTION enishi_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION enishi_current_account() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.account_id', true), '')::uuid $$;
--> statement-breakpoint
-- Later migrations call this for every tenant-owned table they add.
CREATE FUNCTION enishi_guard_tenant_table(target regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('CREATE POLICY tenant_select ON %s FOR SELECT USING (tenant_id = enishi_current_tenant())', target);
  EXECUTE format('CREATE POLICY tenant_insert ON %s FOR INSERT WITH CHECK (tenant_id = enishi_current_tenant())', target);
  EXECUTE format('CREATE POLICY tenant_update ON %s FOR UPDATE USING (tenant_id = enishi_current_tenant()) WITH CHECK (tenant_id = enishi_current_tenant())', target);
  EXECUTE format('CREATE POLICY tenant_delete ON %s FOR DELETE USING (tenant_id = enishi_current_tenant())', target);
END
$$;
--> statement-breakpoint
SELECT enishi_guard_tenant_table('memberships');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('audit_events');
--> statement-breakpoint
-- A person may list their own memberships across networks (the tenant chooser), and nothing else.
CREATE POLICY own_memberships_select ON memberships FOR SELECT
  USING (account_id = enishi_current_account());
