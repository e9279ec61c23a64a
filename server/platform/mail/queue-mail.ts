import type { Queryable } from '../../db/client.js';
import type { MailLane } from '../../db/schema/index.js';
import type { Jobs } from '../jobs/jobs.js';
import { enqueueMails, type OutboxMail } from './outbox/enqueue-mail.js';

export type { OutboxMail as OutgoingMail } from './outbox/enqueue-mail.js';

/**
 * One mail through the outbox, in the caller's transaction: no mail for a rolled-back change.
 * `immediate` is for mail a person is waiting for (sign-in links); everything else goes in bulk.
 */
export async function queueMail(
  jobs: Jobs,
  queryable: Queryable,
  mail: OutboxMail,
  options: { lane: MailLane } = { lane: 'bulk' },
): Promise<void> {
  await enqueueMails(jobs, queryable, [mail], options);
}

export function isOutgoingMail(data: Record<string, unknown>): data is OutboxMail {
  return typeof data.to === 'string' && typeof data.subject === 'string' && typeof data.text === 'string';
}
