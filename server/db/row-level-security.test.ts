import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../test/factories.js';
import { startTestServer, type TestServer } from '../test/harness.js';
import { memberships } from './schema/index.js';
import { inTenant } from './scope.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Row = Record<string, unknown>;
const rows = async (query: ReturnType<typeof sql>) =>
  ((await server.deps.database.db.execute(query)) as unknown as { rows: Row[] }).rows;

describe('row-level security', () => {
  it('is enabled and forced on every table that carries tenant_id, with all four policies', async () => {
    const tables = await rows(sql`
      select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
        (select array_agg(p.polcmd::text order by p.polcmd) from pg_policy p
          where p.polrelid = c.oid and p.polname like 'tenant_%') as commands
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      order by c.relname`);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['audit_events', 'memberships']));
    for (const table of tables) {
      expect(table, String(table.name)).toMatchObject({ enabled: true, forced: true });
      expect([...(table.commands as string[])].sort(), String(table.name)).toEqual(['a', 'd', 'r', 'w']);
    }
  });

  it('puts tenant_id first in the primary key of every tenant table', async () => {
    const keys = await rows(sql`
      select c.relname as name, a.attname as first_column
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
      where i.indisprimary and n.nspname = 'public'
        and exists (select 1 from pg_attribute t where t.attrelid = c.oid and t.attname = 'tenant_id')`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.first_column, String(key.name)).toBe('tenant_id');
  });

  it('runs the application as a role that is neither superuser nor able to bypass RLS, nor the owner', async () => {
    const [role] = await rows(sql`
      select current_user as name, r.rolsuper as superuser, r.rolbypassrls as bypass,
        (select count(*)::int from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owned
      from pg_roles r where r.rolname = current_user`);
    expect(role).toEqual({ name: 'enishi_app', superuser: false, bypass: false, owned: 0 });
  });

  it('returns no tenant rows without a tenant context, and only that tenant’s rows with one', async () => {
    const a = await createTestTenant(server);
    const b = await createTestTenant(server);
    const db = server.deps.database.db;
    expect(await db.select().from(memberships)).toEqual([]);
    const seenFromA = await inTenant(db, a.tenant.id, (tx) => tx.select().from(memberships));
    expect(seenFromA.map((m) => m.tenantId)).toEqual([a.tenant.id]);
    const seenFromB = await inTenant(db, b.tenant.id, (tx) => tx.select().from(memberships));
    expect(seenFromB.map((m) => m.tenantId)).toEqual([b.tenant.id]);
  });

  it('refuses to write a row into another tenant', async () => {
    const a = await createTestTenant(server);
    const b = await createTestTenant(server);
    const attempt = inTenant(server.deps.database.db, a.tenant.id, (tx) =>
      tx
        .insert(memberships)
        .values({ tenantId: b.tenant.id, accountId: b.account.id, role: 'admin', displayName: 'x' }),
    );
    const error = (await attempt.catch((caught: unknown) => caught)) as Error & { cause?: Error };
    expect(error.cause?.message ?? error.message).toMatch(/row-level security/);
    const updated = await inTenant(server.deps.database.db, a.tenant.id, (tx) =>
      tx
        .update(memberships)
        .set({ role: 'alumnus' })
        .where(sql`${memberships.tenantId} = ${b.tenant.id}`)
        .returning(),
    );
    expect(updated).toEqual([]);
  });
});
