import type { MailLane } from '../../../db/schema/index.js';
import type { Deps } from '../../http/env.js';
import { isOutgoingMail, queueMail } from '../queue-mail.js';
import { laneQueues } from './enqueue-mail.js';
import { nextDueAt, type OutboxContext, sendClaimedBatch } from './send-outbox.js';
import { SmtpPool } from './smtp-pool.js';

/**
 * Mails claimed per batch, how many batches are in flight at once (two, so the connections have the
 * next batch while the last mails of one are answered), and how long one job keeps sending before it
 * hands over to the next.
 */
const lanes: Record<MailLane, { batch: number; streams: number; budgetMs: number }> = {
  immediate: { batch: 50, streams: 1, budgetMs: 20_000 },
  bulk: { batch: 200, streams: 2, budgetMs: 60_000 },
};

export type MailOutbox = { wakeAll(): Promise<void>; close(): void };

/**
 * The outbox's senders: one job per lane sends batch after batch until nothing is due, its time is up,
 * or the process stops; then it wakes the next run for what is left or falls due later.
 */
export function registerMailOutbox(deps: Pick<Deps, 'config' | 'database' | 'jobs' | 'logger'>): MailOutbox {
  let pool: SmtpPool | null = null;
  const context: OutboxContext = {
    db: deps.database.db,
    database: deps.database,
    config: deps.config,
    logger: deps.logger,
    smtp: () => {
      if (!deps.config.smtpUrl) return null;
      pool ??= new SmtpPool(deps.config.smtpUrl, deps.config.smtpPoolSize, deps.logger);
      return pool;
    },
  };
  for (const lane of ['immediate', 'bulk'] as const) {
    deps.jobs.handle(laneQueues[lane], async (_data, signal) => {
      const started = Date.now();
      const { batch, streams, budgetMs } = lanes[lane];
      let full = false;
      const stream = async () => {
        while (!signal.aborted && Date.now() - started < budgetMs) {
          const taken = await sendClaimedBatch(context, lane, batch);
          if (taken < batch) return;
        }
        full = true;
      };
      await Promise.all(Array.from({ length: streams }, stream));
      if (full) {
        await deps.jobs.wake(deps.database.db, laneQueues[lane], { key: 'now' });
        return;
      }
      const due = await nextDueAt(deps.database.db, lane);
      if (due) await deps.jobs.wake(deps.database.db, laneQueues[lane], { key: 'later', startAfter: due });
    });
  }
  // Jobs queued before the outbox existed carry their mail; it moves into the outbox.
  deps.jobs.handle('mail.send', async (data) => {
    if (!isOutgoingMail(data)) throw new Error('mail.send job without to/subject/text');
    await deps.database.db.transaction((tx) => queueMail(deps.jobs, tx, data));
  });
  return {
    /** At start-up: a sender that died (kill -9) left its wake-up running; begin again. */
    wakeAll: async () => {
      for (const lane of ['immediate', 'bulk'] as const) {
        await deps.jobs.wake(deps.database.db, laneQueues[lane], { key: 'now' });
      }
    },
    close: () => pool?.close(),
  };
}
