import { setMaxListeners } from 'node:events';
import { setTimeout as wait } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Queryable } from '../../db/client.js';
import type { SqlExecutor } from '../../db/migrate.js';
import { executorFor } from '../../db/raw.js';

type QueuePolicy = Pick<
  PgBoss.Queue,
  'retryLimit' | 'retryDelay' | 'retryBackoff' | 'expireInSeconds' | 'policy'
>;

/** Every queue Enishi uses, with its retry policy. Add new queues here so start-up creates them. */
export const queueDefinitions = {
  /** Jobs queued before the outbox existed: each moves its mail into the outbox. */
  'mail.send': { retryLimit: 6, retryDelay: 15, retryBackoff: true, expireInSeconds: 120 },
  // Wake-ups for the outbox's sender, one per lane. 'short': at most one waits per key, so a thousand
  // notifications queued at once wake the sender once; the mails themselves are rows in mail_outbox.
  'mail.outbox': { policy: 'short', retryLimit: 3, retryDelay: 5, expireInSeconds: 600 },
  'mail.outbox.immediate': { policy: 'short', retryLimit: 3, retryDelay: 2, expireInSeconds: 300 },
  'registry.import.check': { retryLimit: 2, retryDelay: 30, expireInSeconds: 3600 },
  'registry.import.apply': { retryLimit: 2, retryDelay: 10, expireInSeconds: 3600 },
  'registry.import.cleanup': { retryLimit: 5, retryDelay: 60, expireInSeconds: 600 },
  'registry.import.recover': { retryLimit: 0, expireInSeconds: 120 },
  'registry.import.expire': { retryLimit: 2, retryDelay: 300, expireInSeconds: 1800 },
  'registry.invitation.remind': { retryLimit: 3, retryDelay: 60, expireInSeconds: 300 },
  'push.send': { retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 },
  'community.digest': { retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 },
  'community.cleanup': { retryLimit: 2, retryDelay: 600, expireInSeconds: 600 },
  'news.publish': { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 600 },
  'newsletters.send': { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 1800 },
  'career_chat.remind': { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 },
  'event.remind': { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 600 },
  'event.follow_up_survey': { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  'surveys.pulse': { retryLimit: 3, retryDelay: 600, expireInSeconds: 3600 },
  'outcomes.activity_rollup': { retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 },
  'surveys.remind': { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 1800 },
} satisfies Record<string, QueuePolicy>;

/**
 * Recurring jobs (cron, UTC). Each handler works out for itself what is due, so a run missed while no
 * instance was up is made good by the next one.
 */
export const scheduleDefinitions: Partial<Record<keyof typeof queueDefinitions, string>> = {
  // A sweep for mail whose retry is due or whose sender died holding it.
  'mail.outbox': '* * * * *',
  'community.digest': '5 * * * *',
  'community.cleanup': '40 * * * *',
  'registry.import.recover': '* * * * *',
  'registry.import.expire': '50 * * * *',
  // Lifecycle pulses: once a day, 09:15 in Japan.
  'surveys.pulse': '15 0 * * *',
  // Activity rollups: the Japan day ends at 15:00 UTC; hourly runs count it soon after and find nothing
  // to do otherwise, so a night without a running instance is caught up within the hour of the next.
  'outcomes.activity_rollup': '10 * * * *',
};

// pg-boss's scheduler moves due cron entries through this queue; the app role cannot create it.
const SCHEDULER_QUEUE = '__pgboss__send-it';

export type QueueName = keyof typeof queueDefinitions;
/**
 * A job's work. `signal` aborts when the process begins to shut down: a handler that works in steps
 * (batches, networks) returns after the step it is in; what is left is picked up by its next run.
 */
export type JobHandler = (data: Record<string, unknown>, signal: AbortSignal) => Promise<void>;

const SCHEMA = 'pgboss';

function bossOptions(
  execute: SqlExecutor,
  extra: Partial<PgBoss.ConstructorOptions> = {},
): PgBoss.ConstructorOptions {
  return {
    db: { executeSql: (text, values) => execute(text, values) },
    schema: SCHEMA,
    ...extra,
  } as PgBoss.ConstructorOptions;
}

/**
 * Creates or upgrades pg-boss's tables and our queues as the schema owner, then lets the
 * application role use them, so the running app needs no DDL rights.
 */
export async function prepareJobs(ownerExecute: SqlExecutor, appRole: string): Promise<void> {
  const boss = new PgBoss(bossOptions(ownerExecute, { supervise: false, schedule: false, migrate: true }));
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  for (const [name, options] of Object.entries(queueDefinitions)) {
    if (!existing.has(name)) await boss.createQueue(name, { name, ...options });
  }
  if (!existing.has(SCHEDULER_QUEUE)) await boss.createQueue(SCHEDULER_QUEUE);
  for (const [name, cron] of Object.entries(scheduleDefinitions)) await boss.schedule(name, cron);
  await boss.stop({ graceful: false, wait: true });
  await ownerExecute(`GRANT USAGE ON SCHEMA ${SCHEMA} TO ${appRole};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${appRole};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${SCHEMA} TO ${appRole};`);
}

type FetchedJob = PgBoss.Job<unknown>;

export class Jobs {
  readonly #boss: PgBoss;
  readonly #handlers = new Map<QueueName, JobHandler>();
  readonly #logger: Logger;
  /** Aborted by stop(); handlers see it together with the process's shutdown signal. */
  readonly #stopping = new AbortController();
  readonly #signal: AbortSignal;
  readonly #workers: Promise<void>[] = [];
  readonly #running = new Map<string, QueueName>();
  readonly #execute: SqlExecutor;
  readonly #atStart: (() => Promise<void>)[] = [];

  constructor(execute: SqlExecutor, logger: Logger, options: { schedules: boolean; signal: AbortSignal }) {
    // The app role cannot run DDL; maintenance that drops or creates partitions happens in prepareJobs.
    // Only a process that runs workers also runs the scheduler that turns cron entries into jobs.
    this.#boss = new PgBoss(
      bossOptions(execute, { migrate: false, supervise: true, schedule: options.schedules }),
    );
    this.#boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
    this.#logger = logger;
    this.#execute = execute;
    this.#signal = AbortSignal.any([options.signal, this.#stopping.signal]);
    // Every queue's worker waits on the stopping signal between polls: one listener per queue, which is
    // by design and not the leak Node's default limit of 10 is meant to catch.
    setMaxListeners(Object.keys(queueDefinitions).length + 10, this.#stopping.signal);
  }

  handle(queue: QueueName, handler: JobHandler): void {
    this.#handlers.set(queue, handler);
  }

  /** Work a process that runs workers does once as it starts, before taking jobs (recovery after a crash). */
  atStart(task: () => Promise<void>): void {
    this.#atStart.push(task);
  }

  async start(options: { workers: boolean }): Promise<void> {
    await this.#boss.start();
    if (!options.workers) return;
    for (const task of this.#atStart) {
      await task().catch((error: unknown) => this.#logger.error({ err: error }, 'start-up task failed'));
    }
    for (const queue of this.#handlers.keys()) this.#workers.push(this.#work(queue));
  }

  /**
   * Jobs of a queue that a worker took and has not finished: running now, or left behind by a process
   * that died (pg-boss would only notice at the queue's expiry).
   */
  async takenJobs(queue: QueueName): Promise<{ id: string; data: Record<string, unknown> }[]> {
    const result = await this.#execute(
      `select id, data from ${SCHEMA}.job where name = $1 and state = 'active' order by started_on`,
      [queue],
    );
    return (result.rows as { id: string; data: Record<string, unknown> }[]).map((row) => ({
      id: row.id,
      data: row.data,
    }));
  }

  /** Marks a taken job as failed because its worker is gone; pg-boss retries it if its policy allows. */
  async abandon(queue: QueueName, id: string, reason: string): Promise<void> {
    await this.#boss.fail(queue, id, { message: reason });
  }

  /**
   * One queue's worker: fetch a job, run it, record the outcome, repeat; every step is awaited, so
   * stop() knows when the last one has ended. (pg-boss's own work() loop neither awaits a fetch in
   * flight when it stops nor the completion it records, which then races with closing the database.)
   */
  async #work(queue: QueueName): Promise<void> {
    const stopping = this.#stopping.signal;
    while (!stopping.aborted) {
      let jobs: FetchedJob[] = [];
      try {
        jobs = await this.#boss.fetch(queue, { batchSize: 1 });
      } catch (error) {
        this.#logger.error({ err: error, queue }, 'could not fetch jobs');
      }
      for (const job of jobs) await this.#run(queue, this.#handlers.get(queue)!, job);
      if (jobs.length === 0) await pause(POLL_MS, stopping);
    }
  }

  /** Runs one job and records the outcome; a job that throws is failed and retried under its policy. */
  async #run(queue: QueueName, handler: JobHandler, job: FetchedJob): Promise<void> {
    this.#running.set(job.id, queue);
    try {
      this.#logger.debug({ queue, jobId: job.id }, 'job started');
      await handler(job.data as Record<string, unknown>, this.#signal);
      await this.#boss.complete(queue, job.id);
      this.#logger.debug({ queue, jobId: job.id }, 'job completed');
    } catch (error) {
      this.#logger.warn({ err: error, queue, jobId: job.id }, 'job failed; pg-boss will retry it');
      await this.#boss
        .fail(queue, job.id, { message: String(error) })
        .catch((failed: unknown) =>
          this.#logger.error({ err: failed, queue, jobId: job.id }, 'could not fail job'),
        );
    } finally {
      this.#running.delete(job.id);
    }
  }

  /** Enqueues in the caller's transaction, so the job exists exactly when the data it refers to does. */
  async send(
    queryable: Queryable,
    queue: QueueName,
    data: Record<string, unknown>,
    options: { startAfter?: Date } = {},
  ): Promise<string> {
    const id = await this.#boss.send(queue, data, {
      db: { executeSql: executorFor(queryable) },
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    } as PgBoss.SendOptions);
    if (!id) throw new Error(`queue ${queue} refused the job`);
    return id;
  }

  /**
   * Wakes a queue's worker unless a wake-up with the same key already waits (queues with the 'short'
   * policy keep one per key); enqueued in the caller's transaction like send().
   */
  async wake(
    queryable: Queryable,
    queue: QueueName,
    options: { key: string; startAfter?: Date },
  ): Promise<boolean> {
    const id = await this.#boss.send(queue, {}, {
      db: { executeSql: executorFor(queryable) },
      singletonKey: options.key,
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    } as PgBoss.SendOptions);
    return id !== null;
  }

  /**
   * Runs every job that is due, now, in this process, including jobs those jobs queue. Tests use it
   * instead of waiting for a poll; a job that throws is failed and left to pg-boss's retry policy
   * (its retry is not due yet), as a worker would.
   */
  async drain(): Promise<number> {
    let processed = 0;
    for (let pass = -1; pass !== 0; ) {
      pass = 0;
      for (const [queue, handler] of this.#handlers) {
        for (;;) {
          const jobs = await this.#boss.fetch(queue, { batchSize: 20 });
          if (jobs.length === 0) break;
          for (const job of jobs) {
            await this.#run(queue, handler, job);
            pass += 1;
          }
        }
      }
      processed += pass;
    }
    return processed;
  }

  /**
   * Stops taking jobs and waits for the running ones to finish, at most `timeoutMs`; a job still running
   * then is marked failed, so pg-boss retries it under its queue's policy.
   */
  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    this.#stopping.abort();
    const finished = Promise.all(this.#workers).then(() => true);
    const late = pause(options.timeoutMs ?? 5000).then(() => false);
    if (!(await Promise.race([finished, late]))) {
      for (const [id, queue] of this.#running) {
        this.#logger.warn({ queue, jobId: id }, 'job still running at shutdown; pg-boss will retry it');
        await this.#boss.fail(queue, id, { message: 'shut down while running' });
      }
    }
    await this.#boss.stop({ graceful: false, wait: true });
  }
}

const POLL_MS = 500;

/** Waits `ms`, or less when the signal aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return wait(ms, undefined, signal ? { signal } : {}).catch(() => undefined);
}
