import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import type { MailAttachment, MailLane } from '../../../db/schema/index.js';
import type { Jobs, QueueName } from '../../jobs/jobs.js';

export type OutboxMail = {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  /** Extra headers, e.g. RFC 8058 List-Unsubscribe. */
  headers?: Record<string, string> | undefined;
  /** Small text files sent with it (a calendar entry). */
  attachments?: MailAttachment[] | undefined;
};

export type EnqueuedMail = { id: string; to: string; state: 'pending' | 'suppressed' };

export const laneQueues: Record<MailLane, QueueName> = {
  immediate: 'mail.outbox.immediate',
  bulk: 'mail.outbox',
};

// Rows per INSERT: a 50,000-recipient campaign is written in a few dozen statements.
const CHUNK = 1000;

/**
 * Writes mails to the outbox in the caller's transaction and wakes the lane's sender: no mail for a
 * rolled-back change, and none lost once it commits. Addresses that bounced before are written as
 * 'suppressed' (kept, so the caller's records can say why nothing went out) and never sent.
 */
export async function enqueueMails(
  jobs: Jobs,
  queryable: Queryable,
  mails: readonly OutboxMail[],
  options: { lane: MailLane },
): Promise<EnqueuedMail[]> {
  if (mails.length === 0) return [];
  const enqueued: EnqueuedMail[] = [];
  for (let start = 0; start < mails.length; start += CHUNK) {
    const chunk = mails.slice(start, start + CHUNK);
    const ids = chunk.map(() => randomUUID());
    const rows = await queryRows<{ id: string; state: 'pending' | 'suppressed' }>(
      queryable,
      sql`insert into mail_outbox (id, lane, recipient, subject, text_body, html_body, headers, attachments, state)
        select m.id, ${options.lane}, m.recipient, m.subject, m.text_body, m.html_body, m.headers, m.attachments,
          case when exists (select 1 from mail_suppressions s where s.email = lower(m.recipient))
            then 'suppressed' else 'pending' end
        from unnest(
          ${`{${ids.join(',')}}`}::uuid[], ${pgTextArray(chunk.map((mail) => mail.to))}::text[],
          ${pgTextArray(chunk.map((mail) => mail.subject))}::text[],
          ${pgTextArray(chunk.map((mail) => mail.text))}::text[],
          ${pgTextArray(chunk.map((mail) => mail.html ?? null))}::text[],
          ${pgTextArray(chunk.map((mail) => JSON.stringify(mail.headers ?? {})))}::jsonb[],
          ${pgTextArray(chunk.map((mail) => JSON.stringify(mail.attachments ?? [])))}::jsonb[]
        ) as m(id, recipient, subject, text_body, html_body, headers, attachments)
        returning id, state`,
    );
    const states = new Map(rows.map((row) => [row.id, row.state]));
    chunk.forEach((mail, index) => {
      const id = ids[index]!;
      enqueued.push({ id, to: mail.to, state: states.get(id) ?? 'pending' });
    });
  }
  if (enqueued.some((mail) => mail.state === 'pending')) {
    await jobs.wake(queryable, laneQueues[options.lane], { key: 'now' });
  }
  return enqueued;
}

/**
 * A PostgreSQL array literal: one parameter for a whole column, whatever the row count (drizzle would
 * otherwise send one parameter per value, and PostgreSQL takes at most 65,535).
 */
export function pgTextArray(values: readonly (string | null)[]): string {
  const items = values.map((value) =>
    value === null ? 'NULL' : `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
  );
  return `{${items.join(',')}}`;
}
