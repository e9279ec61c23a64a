import { sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { Survey } from './load-survey.js';
import { askedBy } from './survey-reminders.js';
import type { BreakdownKey } from './survey-results.js';

/** Counts the answers given before the counts existed (a maintenance task run once per tenant). */
export async function rebuildAnswerCounts(tx: AppTransaction, tenantId: string) {
  await tx.execute(sql`delete from survey_answer_counts where tenant_id = ${tenantId}`);
  await tx.execute(sql`select enishi_count_survey_answers(array(select r from survey_responses r
    where r.tenant_id = ${tenantId} and r.status = 'submitted'), 1)`);
}

/** One row of the counts: a question's value (or `*`, answered) in a group, or in everyone's (group null). */
export type CountRow = { question: string; value: string; group: string | null; n: number };

/**
 * A survey's answer counts for everyone and, when asked, by department, leaving year or segment (the
 * trigger keeps them; see survey_answer_counts). A group's label is '' when the fact was not recorded;
 * by segment it is the segment's id.
 */
export async function loadAnswerCounts(
  ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>,
  survey: Pick<Survey, 'id'>,
  by: BreakdownKey | null,
): Promise<CountRow[]> {
  return queryRows<CountRow>(
    ctx.tx,
    sql`select question_id as question, value, n, case dimension
        when '' then null
        when 'department' then department
        when 'segment' then segment_id
        else case when left_year = 0 then '' else left_year::text end end as "group"
      from survey_answer_counts
      where tenant_id = ${ctx.tenant.id} and survey_id = ${survey.id}
        and dimension in ('', ${by ?? ''}) and n <> 0`,
  );
}

/**
 * The written answers to each text question, newest first, matching the search (NFKC, case folded, as a
 * plain substring), at most `limit` per question; read from the newest down until the page is full.
 */
export async function loadTexts(
  ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>,
  survey: Pick<Survey, 'id' | 'anonymity'>,
  questionIds: readonly string[],
  search: string | null,
  limit: number,
  offset = 0,
): Promise<Map<string, { text: string; respondent: string | null }[]>> {
  const found = new Map<string, { text: string; respondent: string | null }[]>(
    questionIds.map((id) => [id, []]),
  );
  if (questionIds.length === 0) return found;
  const pattern = search
    ? `%${search
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : null;
  const named = survey.anonymity === 'named';
  const rows = await queryRows<{ question: string; text: string; respondent: string | null }>(
    ctx.tx,
    sql`select q.id as question, t.text, t.respondent
      from unnest(${`{${questionIds.map((id) => `"${id}"`).join(',')}}`}::text[]) q(id)
      cross join lateral (
        select sr.answers ->> q.id as text, ${named ? sql`m.display_name` : sql`null::text`} as respondent
        from survey_responses sr
        ${named ? sql`left join memberships m on m.tenant_id = sr.tenant_id and m.id = sr.membership_id` : sql``}
        where sr.tenant_id = ${ctx.tenant.id} and sr.survey_id = ${survey.id} and sr.status = 'submitted'
          and sr.answers ? q.id
          and (${pattern}::text is null or lower(normalize(sr.answers ->> q.id, NFKC)) like ${pattern})
        order by sr.submitted_on desc nulls last, sr.id desc nulls last
        limit ${limit} offset ${offset}) t`,
  );
  for (const row of rows) found.get(row.question)?.push({ text: row.text, respondent: row.respondent });
  return found;
}

/** Invited (first asked, by the sending or a pulse) and answered per day in Japan, since the first sending. */
export async function loadRateOverTime(
  ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>,
  survey: Pick<Survey, 'id'>,
) {
  return queryRows<{ day: string; invited: number }>(
    ctx.tx,
    sql`select to_char((first_at at time zone 'Asia/Tokyo')::date, 'YYYY-MM-DD') as day, count(*)::int as invited
      from (select pd.recipient_id, min(pd.created_at) as first_at from programme_deliveries pd
        where ${askedBy(ctx.tenant.id, survey.id)}
        group by pd.recipient_id) first
      group by 1 order by 1`,
  );
}
