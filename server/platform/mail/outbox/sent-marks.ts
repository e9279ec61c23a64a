import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';

type Waiting = { id: string; resolve: (marked: boolean) => void; reject: (error: unknown) => void };

/**
 * Marks mails sent, just before their end-of-data mark goes out, under the claim that took them. Marks
 * asked for while one commit runs are committed together in the next, so a pool of connections costs
 * a few commits per batch rather than one per mail. A mail another run has claimed since (its lease ran
 * out) is not marked, and then must not be completed.
 */
export class SentMarks {
  readonly #waiting: Waiting[] = [];
  #flushing = false;

  constructor(
    private readonly db: AppDatabase,
    private readonly claimToken: string,
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
      try {
        const ids = `{${batch.map((entry) => entry.id).join(',')}}`;
        const rows = await queryRows<{ id: string }>(
          this.db,
          sql`update mail_outbox set state = 'sent', sent_at = now(), last_error = null
            where id = any(${ids}::uuid[]) and claim_token = ${this.claimToken} and state = 'pending'
            returning id`,
        );
        const marked = new Set(rows.map((row) => row.id));
        for (const entry of batch) entry.resolve(marked.has(entry.id));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.#flushing = false;
  }
}
