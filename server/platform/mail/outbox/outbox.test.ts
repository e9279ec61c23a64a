import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/raw.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { startSmtpSink } from '../../../test/smtp-sink.js';
import { queueMail } from '../queue-mail.js';
import { enqueueMails } from './enqueue-mail.js';

let server: TestServer;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink({
    refuseRecipient: (address) =>
      address.startsWith('gone@') ? { code: 550, message: '5.1.1 no such mailbox' } : null,
    beforeRecipient: async (address) => {
      if (address.startsWith('stolen@')) await stealClaim();
    },
    refuseData: (address) =>
      address.startsWith('busy@') && !busyAccepts ? { code: 451, message: '4.3.0 try again later' } : null,
  });
  server = await startTestServer({ SMTP_URL: sink.url, PUBLIC_URL: 'http://127.0.0.1', SMTP_POOL_SIZE: '3' });
});
afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

let busyAccepts = false;
let stealClaim: () => Promise<unknown> = async () => undefined;

async function outboxRow(recipient: string) {
  const [row] = await queryRows<{
    state: string;
    attempts: number;
    later: boolean;
    last_error: string | null;
  }>(
    server.deps.database.db,
    sql`select state, attempts, next_attempt_at > now() as later, last_error from mail_outbox
      where recipient = ${recipient} order by created_at desc limit 1`,
  );
  return row;
}

/** The Subject header's encoded words (RFC 2047, B), folded or not, decoded. */
function decodedSubject(raw: string): string {
  const folded = /^Subject: ((?:.*)(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return [...folded.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)]
    .map((word) => Buffer.from(word[1]!, 'base64').toString('utf8'))
    .join('');
}

/** The base64 text body after the headers, decoded. */
function decodedBody(raw: string): string {
  return Buffer.from(raw.slice(raw.indexOf('\r\n\r\n') + 4).replace(/\s/g, ''), 'base64').toString('utf8');
}

describe('the mail outbox', () => {
  it('sends each mail written in a committed transaction once over SMTP, with its headers and Japanese text, and nothing for a rolled-back one', async () => {
    const { db } = server.deps.database;
    const recipients = Array.from({ length: 25 }, (_, index) => `member${index}@example.jp`);
    await db.transaction((tx) =>
      enqueueMails(
        server.deps.jobs,
        tx,
        recipients.map((to) => ({
          to,
          subject: '【デモ】今月のお知らせ',
          text: '制度が変わりました。\nくわしくは本文をご覧ください。',
          headers: { 'List-Unsubscribe': '<https://example.jp/u/1>' },
        })),
        { lane: 'bulk' },
      ),
    );
    await db
      .transaction(async (tx) => {
        await queueMail(server.deps.jobs, tx, { to: 'never@example.jp', subject: 'x', text: 'x' });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await server.deps.jobs.drain();

    const received = sink.messages.filter((message) => message.to.startsWith('member'));
    expect(received.map((message) => message.to).sort()).toEqual([...recipients].sort());
    expect(sink.messages.some((message) => message.to === 'never@example.jp')).toBe(false);
    expect(received[0]!.raw).toContain('List-Unsubscribe: <https://example.jp/u/1>');
    expect(decodedSubject(received[0]!.raw)).toBe('【デモ】今月のお知らせ');
    expect(decodedBody(received[0]!.raw)).toBe('制度が変わりました。\r\nくわしくは本文をご覧ください。');
    const [counts] = await queryRows<{ sent: number; other: number }>(
      db,
      sql`select count(*) filter (where state = 'sent')::int as sent,
        count(*) filter (where state <> 'sent')::int as other from mail_outbox where recipient like 'member%'`,
    );
    expect(counts).toEqual({ sent: 25, other: 0 });

    // Running the sender again sends nothing more.
    await server.deps.database.db.transaction((tx) =>
      server.deps.jobs.wake(tx, 'mail.outbox', { key: 'now' }),
    );
    await server.deps.jobs.drain();
    expect(sink.messages.filter((message) => message.to.startsWith('member'))).toHaveLength(25);
  });

  it('marks an address the server refuses permanently (5xx) as bounced and sends it nothing more', async () => {
    const { db } = server.deps.database;
    await db.transaction((tx) =>
      queueMail(server.deps.jobs, tx, { to: 'gone@example.jp', subject: '1', text: 'first' }),
    );
    await server.deps.jobs.drain();
    expect(await outboxRow('gone@example.jp')).toMatchObject({ state: 'bounced', attempts: 1 });
    expect((await outboxRow('gone@example.jp'))?.last_error).toContain('550');

    const enqueued = await db.transaction((tx) =>
      enqueueMails(server.deps.jobs, tx, [{ to: 'GONE@example.jp', subject: '2', text: 'second' }], {
        lane: 'bulk',
      }),
    );
    expect(enqueued[0]!.state).toBe('suppressed');
    await server.deps.jobs.drain();
    expect(sink.messages.filter((message) => message.to.toLowerCase() === 'gone@example.jp')).toHaveLength(0);
  });

  it('keeps a mail the server refuses for now (4xx after the data) for a retry with back-off, then sends it once', async () => {
    const { db } = server.deps.database;
    await db.transaction((tx) =>
      queueMail(server.deps.jobs, tx, { to: 'busy@example.jp', subject: '再送', text: 'again' }),
    );
    await server.deps.jobs.drain();
    expect(await outboxRow('busy@example.jp')).toMatchObject({ state: 'pending', attempts: 1, later: true });
    expect(sink.messages.filter((message) => message.to === 'busy@example.jp')).toHaveLength(0);

    busyAccepts = true;
    await db.execute(sql`update mail_outbox set next_attempt_at = now() where recipient = 'busy@example.jp'`);
    await db.transaction((tx) => server.deps.jobs.wake(tx, 'mail.outbox', { key: 'now' }));
    await server.deps.jobs.drain();
    expect(await outboxRow('busy@example.jp')).toMatchObject({ state: 'sent', attempts: 2 });
    expect(sink.messages.filter((message) => message.to === 'busy@example.jp')).toHaveLength(1);
  });

  it('does not complete a mail whose claim another run took over while it was being sent', async () => {
    const { db } = server.deps.database;
    await db.transaction((tx) =>
      queueMail(server.deps.jobs, tx, { to: 'stolen@example.jp', subject: 's', text: 'body' }),
    );
    // While the server is being told the recipient, the claim changes hands, as when the sender's
    // lease ran out and another instance took the mail.
    stealClaim = () =>
      db.execute(
        sql`update mail_outbox set claim_token = gen_random_uuid() where recipient = 'stolen@example.jp'`,
      );
    await server.deps.jobs.drain();
    expect(sink.messages.filter((message) => message.to === 'stolen@example.jp')).toHaveLength(0);
    expect(await outboxRow('stolen@example.jp')).toMatchObject({ state: 'pending' });
  });
});
