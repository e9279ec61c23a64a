import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';

export const ACTIVE_DAYS = 30;

/**
 * Members linked to a record of the cohort who were active in the 30 days up to `asOf`, per cohort
 * key. "Active" is, for now, having used the app (a session seen in the window): sessions keep only
 * their latest sighting, so for a past period this counts people seen in the window and not since
 * (an undercount). The activity rollups replace this with what members did day by day.
 *
 * `cohort` filters and `key` groups the records (`r`); both are SQL over alumni_records aliased `r`.
 */
export async function countActiveMembers(
  ctx: TenantServiceContext,
  input: { asOf: Date; cohort: SQL; key: SQL },
): Promise<Map<string, number>> {
  const since = new Date(input.asOf.getTime() - ACTIVE_DAYS * 86_400_000);
  const rows = await queryRows<{ key: string; active: number }>(
    ctx.tx,
    sql`select ${input.key} as key, count(*)::int as active
      from alumni_records r
      join memberships m on m.tenant_id = r.tenant_id and m.id = r.membership_id
      where r.tenant_id = ${ctx.tenant.id} and ${input.cohort}
        and m.status = 'active' and m.created_at < ${input.asOf}
        and exists (select 1 from sessions s where s.account_id = m.account_id
          and s.last_seen_at >= ${since} and s.last_seen_at < ${input.asOf})
      group by 1`,
  );
  return new Map(rows.map((row) => [row.key, row.active]));
}
