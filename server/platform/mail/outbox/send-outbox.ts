import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../../../config.js';
import type { AppDatabase, Database } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import type { MailLane } from '../../../db/schema/index.js';
import { type ClaimedMail, composeMail, envelopeSender } from './compose-mail.js';
import { SentMarks } from './sent-marks.js';
import type { SmtpOutcome, SmtpPool } from './smtp-pool.js';

export type OutboxContext = {
  db: AppDatabase;
  database: Pick<Database, 'db' | 'pool'>;
  config: Config;
  logger: Logger;
  /** null: no SMTP_URL, mail is kept in the dev mailbox. */
  smtp: () => SmtpPool | null;
};

/** Attempts before a mail that keeps failing temporarily is given up as failed. */
export const MAX_ATTEMPTS = 8;

/** Back-off after a temporary failure: 15 s, 30 s, 1 min … at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 15 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Takes up to `limit` due mails of a lane for this run: they are held (claim token, lease) so no other
 * run sends them meanwhile; a lease that ran out (its sender died) lets them be taken again.
 */
async function claimMails(context: OutboxContext, lane: MailLane, limit: number, token: string) {
  return queryRows<ClaimedMail>(
    context.db,
    sql`update mail_outbox set claim_token = ${token}, attempts = attempts + 1,
        claimed_until = now() + make_interval(secs => ${context.config.mailLeaseSeconds})
      where id in (
        select id from mail_outbox
        where state = 'pending' and lane = ${lane} and next_attempt_at <= now()
          and (claimed_until is null or claimed_until < now())
        order by next_attempt_at limit ${limit} for update skip locked)
      returning id, recipient, subject, text_body, html_body, headers, attachments, attempts`,
  );
}

/** Sends one claimed batch; returns how many mails left the outbox (sent, bounced, failed, suppressed). */
export async function sendClaimedBatch(
  context: OutboxContext,
  lane: MailLane,
  limit: number,
): Promise<number> {
  const token = randomUUID();
  const claimed = await claimMails(context, lane, limit, token);
  if (claimed.length === 0) return 0;
  const suppressed = await suppressedAmong(
    context.db,
    claimed.map((mail) => mail.recipient),
  );
  const sendable = claimed.filter((mail) => !suppressed.has(mail.recipient.toLowerCase()));
  if (suppressed.size > 0) {
    const ids = claimed.filter((mail) => suppressed.has(mail.recipient.toLowerCase())).map((mail) => mail.id);
    await context.db.execute(
      sql`update mail_outbox set state = 'suppressed' where id = any(${`{${ids.join(',')}}`}::uuid[])
        and claim_token = ${token}`,
    );
  }
  const smtp = context.smtp();
  if (!smtp) {
    await keepInDevMailbox(context, sendable, token);
    return claimed.length;
  }
  const marks = new SentMarks(context.database, token, context.logger);
  const from = envelopeSender(context.config.mailFrom);
  const host = from.split('@')[1] ?? 'enishi.localhost';
  await Promise.all(
    sendable.map(async (mail) => {
      const raw = composeMail(mail, context.config.mailFrom, host);
      const outcome = await smtp.send({
        from,
        to: mail.recipient,
        raw,
        beforeEnd: () => marks.mark(mail.id),
      });
      await recordOutcome(context, mail, token, outcome);
    }),
  );
  return claimed.length;
}

async function suppressedAmong(db: AppDatabase, recipients: string[]): Promise<Set<string>> {
  const lowered = [...new Set(recipients.map((recipient) => recipient.toLowerCase()))];
  const rows = await queryRows<{ email: string }>(
    db,
    sql`select email from mail_suppressions where email = any(${pgArray(lowered)}::text[])`,
  );
  return new Set(rows.map((row) => row.email));
}

function pgArray(values: string[]): string {
  return `{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/**
 * What an SMTP answer means for the mail: accepted (already marked sent), a temporary refusal (again
 * later, with back-off), a permanent one (the address is marked bounced and gets no more mail).
 */
async function recordOutcome(context: OutboxContext, mail: ClaimedMail, token: string, outcome: SmtpOutcome) {
  if (outcome.kind === 'accepted') return;
  const db = context.db;
  if (outcome.kind === 'unknown') {
    // The end of data went out and may have been taken: sending again could deliver it twice.
    context.logger.warn({ mailId: mail.id, reason: outcome.reason }, 'no answer after the end of data');
    await db.execute(sql`update mail_outbox set last_error = ${`no answer after end of data: ${outcome.reason}`}
      where id = ${mail.id} and claim_token = ${token}`);
    return;
  }
  if (outcome.kind === 'refused' && outcome.permanent) {
    const detail = `${outcome.code} ${outcome.response}`.slice(0, 500);
    // A refusal of the sender or of the message as a whole is not the recipient's address's fault.
    const addressRefused = outcome.recipient || outcome.afterData;
    await db.transaction(async (tx) => {
      await tx.execute(sql`update mail_outbox set state = ${addressRefused ? 'bounced' : 'failed'},
          sent_at = null, last_error = ${detail}
        where id = ${mail.id} and claim_token = ${token}`);
      if (addressRefused) {
        await tx.execute(sql`insert into mail_suppressions (email, reason, detail)
          values (${mail.recipient.toLowerCase()}, 'bounced', ${detail}) on conflict (email) do nothing`);
      }
    });
    return;
  }
  const reason = outcome.kind === 'refused' ? `${outcome.code} ${outcome.response}` : outcome.reason;
  const giveUp = mail.attempts >= MAX_ATTEMPTS;
  await db.execute(sql`update mail_outbox set state = ${giveUp ? 'failed' : 'pending'}, sent_at = null,
      claimed_until = null, last_error = ${reason.slice(0, 500)},
      next_attempt_at = now() + make_interval(secs => ${retryDelaySeconds(mail.attempts)})
    where id = ${mail.id} and claim_token = ${token}`);
}

/** Without SMTP: the mail and its sent mark are written in one transaction, so once is trivially once. */
async function keepInDevMailbox(context: OutboxContext, mails: ClaimedMail[], token: string) {
  for (const mail of mails) {
    const kept = await context.db.transaction(async (tx) => {
      const marked = await queryRows(
        tx,
        sql`update mail_outbox set state = 'sent', sent_at = now()
          where id = ${mail.id} and claim_token = ${token} and state = 'pending' returning id`,
      );
      if (marked.length === 0) return false;
      await tx.execute(sql`insert into dev_mailbox (recipient, subject, text_body, attachments, headers)
        values (${mail.recipient}, ${mail.subject}, ${mail.text_body},
          ${JSON.stringify(mail.attachments ?? [])}::jsonb, ${JSON.stringify(mail.headers ?? {})}::jsonb)`);
      return true;
    });
    if (!kept) continue;
    // The body holds sign-in links: printed only for a person developing on this machine.
    const body = context.config.devMailbox ? `:\n${mail.text_body}` : '';
    context.logger.info({ to: mail.recipient, subject: mail.subject }, `mail kept in the dev mailbox${body}`);
  }
}

/** When the lane's next mail falls due (a retry's time, or the end of a dead sender's lease). */
export async function nextDueAt(db: AppDatabase, lane: MailLane): Promise<Date | null> {
  const [row] = await queryRows<{ due: number | null }>(
    db,
    sql`select (extract(epoch from min(greatest(next_attempt_at, coalesce(claimed_until, next_attempt_at))))
        * 1000)::float8 as due
      from mail_outbox where state = 'pending' and lane = ${lane}`,
  );
  return row?.due == null ? null : new Date(Number(row.due));
}
