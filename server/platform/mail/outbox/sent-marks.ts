import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';

type Waiting = { id: string; resolve: (marked: boolean) => void; reject: (error: unknown) => void };

const MARK = `update mail_outbox set state = 'sent', sent_at = now(), last_error = null
  where id = any($1::uuid[]) and claim_token = $2 and state = 'pending' returning id`;

/**
 * Marks mails sent just before their end-of-data mark goes out, under the claim that took them. Marks
 * asked for while one commit runs are committed together in the next, so a pool of connections costs a
 * few commits per batch rather than one per mail. A mail another run has claimed since (its lease ran
 * out) is not marked, and then must not be completed.
 *
 * When the mark counts as committed decides what a kill -9 can do. On a PostgreSQL server the COMMIT is
 * written to the server's socket and the end-of-data marks follow in the same turn of the event loop,
 * without waiting for the answer: once written, both reach their servers even if this process dies (the
 * kernel sends what a dead process wrote). Waiting for the answer first would leave a window of a round
 * trip in which the mark is committed and the mail never completed. Embedded, the database dies with
 * the process, so the commit is awaited and the marks follow at once.
 */
export class SentMarks {
  readonly #waiting: Waiting[] = [];
  #flushing = false;

  constructor(
    private readonly database: Pick<Database, 'db' | 'pool'>,
    private readonly claimToken: string,
    private readonly logger: Logger,
  ) {}

  mark(id: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ id, resolve, reject });
      if (!this.#flushing) void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    while (this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0);
      const ids = `{${batch.map((entry) => entry.id).join(',')}}`;
      try {
        const marked = this.database.pool
          ? await this.#markOnServer(this.database.pool, ids)
          : await this.#markEmbedded(ids);
        for (const entry of batch) entry.resolve(marked.has(entry.id));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.#flushing = false;
  }

  async #markEmbedded(ids: string): Promise<Set<string>> {
    const rows = await queryRows<{ id: string }>(
      this.database.db,
      sql`update mail_outbox set state = 'sent', sent_at = now(), last_error = null
        where id = any(${ids}::uuid[]) and claim_token = ${this.claimToken} and state = 'pending'
        returning id`,
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Resolves as soon as COMMIT is written (node-postgres writes an idle client's query at once). */
  async #markOnServer(pool: pg.Pool, ids: string): Promise<Set<string>> {
    const client = await pool.connect();
    let committing: Promise<unknown> | null = null;
    try {
      await client.query('begin');
      const { rows } = await client.query<{ id: string }>(MARK, [ids, this.claimToken]);
      committing = client.query('commit');
      return new Set(rows.map((row) => row.id));
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      const release = () => client.release();
      if (committing) {
        // The marks were handed out with the COMMIT on its way: a failure now means mails went out
        // unmarked, and may go out again. Nothing else can be done about it than to say so.
        committing.then(release, (error: unknown) => {
          this.logger.error({ err: error }, 'COMMIT of sent marks failed after the mails were completed');
          client.release(error as Error);
        });
      } else release();
    }
  }
}
