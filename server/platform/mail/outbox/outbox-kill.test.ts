import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  deferCleanups,
  killHard,
  prepareProcessDatabase,
  startServerProcess,
} from '../../../test/process-harness.js';
import { startSmtpSink } from '../../../test/smtp-sink.js';
import { enqueueMails } from './enqueue-mail.js';

const defer = deferCleanups();

/**
 * Kills the sender at a moment when no message has reached its end of data: the outbox marks a mail
 * sent just before it writes the end of data (sent-marks.ts), so a kill inside that instant would lose
 * that one mail by design rather than send it twice. On the server the mark and the write happen in
 * one turn of the event loop; embedded, one awaited commit apart, which a kill at random can hit.
 */
async function killMidSend(sink: Awaited<ReturnType<typeof startSmtpSink>>, child: ChildProcess) {
  await sink.hold(60_000);
  await killHard(child);
  sink.release();
}

const MAILS = 1500;

/** A database with MAILS mails waiting in the outbox, written by this process before any sender runs. */
function prepareDatabase() {
  return prepareProcessDatabase(defer, (enishi) =>
    enishi.deps.database.db.transaction((tx) =>
      enqueueMails(
        enishi.deps.jobs,
        tx,
        Array.from({ length: MAILS }, (_, index) => ({
          to: `r${index}@example.jp`,
          subject: `お知らせ ${index}`,
          text: `本文 ${index}`,
        })),
        { lane: 'bulk' },
      ),
    ),
  );
}

describe('sending the outbox', () => {
  it('delivers every mail exactly once although the sending process is killed (SIGKILL) twice mid-send', async () => {
    const sink = await startSmtpSink();
    defer(sink.close);
    const { env, query } = await prepareDatabase();
    const senderEnv = { ...env, SMTP_URL: sink.url, MAIL_LEASE_SECONDS: '2' };

    const first = (await startServerProcess(defer, senderEnv)).child;
    await sink.until(() => sink.messages.length >= MAILS * 0.2, 60_000);
    await killMidSend(sink, first);
    const afterFirstKill = sink.messages.length;

    const second = (await startServerProcess(defer, senderEnv)).child;
    await sink.until(() => sink.messages.length >= afterFirstKill + MAILS * 0.3, 60_000);
    await killMidSend(sink, second);
    const afterSecondKill = sink.messages.length;

    const third = (await startServerProcess(defer, senderEnv)).child;
    await sink
      .until(() => new Set(sink.messages.map((message) => message.to)).size >= MAILS, 90_000)
      .catch(async (error: unknown) => {
        third.kill('SIGKILL');
        const states = await query(
          `select state, count(*)::int as n, min(attempts) as min_attempts, max(last_error) as error
            from mail_outbox group by state`,
        );
        throw new Error(
          `${String(error)}: ${new Set(sink.messages.map((m) => m.to)).size} received; ${JSON.stringify(states)}`,
        );
      });
    third.kill('SIGTERM');
    await once(third, 'close');

    const received = new Map<string, number>();
    for (const message of sink.messages) received.set(message.to, (received.get(message.to) ?? 0) + 1);
    const duplicates = [...received.values()].filter((count) => count > 1).length;
    const losses = MAILS - received.size;
    expect({ duplicates, losses }).toEqual({ duplicates: 0, losses: 0 });
    // Both kills landed while mail was going out, and each run sent some.
    expect(afterFirstKill).toBeLessThan(MAILS);
    expect(afterSecondKill).toBeGreaterThan(afterFirstKill);
    expect(afterSecondKill).toBeLessThan(MAILS);
    expect(await query(`select state, count(*)::int as n from mail_outbox group by state`)).toEqual([
      { state: 'sent', n: MAILS },
    ]);
  }, 600_000);
});
