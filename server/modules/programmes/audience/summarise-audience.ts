import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import type { AudienceSpec } from './audience-spec.js';
import {
  type AudienceOptions,
  audienceStatement,
  type LeftOutReason,
  leftOutReasons,
} from './resolve-audience.js';

export type AudienceSummary = {
  reached: number;
  reachedMembers: number;
  reachedRecords: number;
  leftOut: { reason: LeftOutReason; count: number; sample: string[] }[];
};

type Counted = { reason: LeftOutReason | null; person_kind: 'member' | 'record'; n: number };

/**
 * Counts per outcome and a few names per reason, aggregated in the database: the staff preview.
 *
 * Two statements, neither materialising the audience. The counts read only what decides each person's
 * outcome: the names, addresses and consent proofs that sending needs are never built, so the cost is
 * one pass over the people the spec names. The sample then asks, per reason that occurred, for the
 * first few names, and stops as soon as it has them; only a reason shared by fewer people than the
 * sample size makes it read the whole audience again.
 */
export async function summariseAudience(
  ctx: { tx: Queryable; tenant: { id: string } },
  spec: AudienceSpec,
  options: AudienceOptions,
  sampleSize = 5,
): Promise<AudienceSummary> {
  const statement = await audienceStatement(ctx, spec, options);
  const counts = await queryRows<Counted>(
    ctx.tx,
    sql`select a.reason, a.person_kind, count(*)::int as n from (${statement}) a group by a.reason, a.person_kind`,
  );
  const samples = await sampleNames(ctx.tx, statement, counts, sampleSize);
  const reachedOf = (kind: Counted['person_kind']) =>
    counts.filter((r) => r.reason === null && r.person_kind === kind).reduce((s, r) => s + r.n, 0);
  const reachedMembers = reachedOf('member');
  const reachedRecords = reachedOf('record');
  const leftOut = leftOutReasons.flatMap((reason) => {
    const count = counts.filter((row) => row.reason === reason).reduce((sum, row) => sum + row.n, 0);
    if (count === 0) return [];
    const sample = (samples.get(reason) ?? []).sort((a, b) => a.localeCompare(b, 'ja')).slice(0, sampleSize);
    return [{ reason, count, sample }];
  });
  return { reached: reachedMembers + reachedRecords, reachedMembers, reachedRecords, leftOut };
}

/** Up to `size` names for each reason that occurred, one bounded scan per (reason, kind). */
async function sampleNames(tx: Queryable, statement: SQL, counts: Counted[], size: number) {
  const wanted = counts.filter((row) => row.reason !== null);
  const byReason = new Map<LeftOutReason, string[]>();
  if (wanted.length === 0) return byReason;
  const pairs = sql.join(
    wanted.map((row) => sql`(${row.reason}::text, ${row.person_kind}::text)`),
    sql`, `,
  );
  const rows = await queryRows<{ reason: LeftOutReason; sample: string[] }>(
    tx,
    sql`select w.reason, array(select a.name from (${statement}) a
        where a.reason = w.reason and a.person_kind = w.kind limit ${size}) as sample
      from (values ${pairs}) as w(reason, kind)`,
  );
  for (const row of rows) byReason.set(row.reason, [...(byReason.get(row.reason) ?? []), ...row.sample]);
  return byReason;
}
