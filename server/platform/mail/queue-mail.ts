import type { Queryable } from '../../db/client.js';
import type { Jobs } from '../jobs/jobs.js';
import type { OutgoingMail } from './deliver-mail.js';

/** Mail is sent by a durable job enqueued in the caller's transaction: no mail for a rolled-back change. */
export async function queueMail(jobs: Jobs, queryable: Queryable, mail: OutgoingMail): Promise<void> {
  await jobs.send(queryable, 'mail.send', { ...mail });
}

export function isOutgoingMail(data: Record<string, unknown>): data is OutgoingMail {
  return typeof data.to === 'string' && typeof data.subject === 'string' && typeof data.text === 'string';
}
