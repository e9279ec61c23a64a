import { once } from 'node:events';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { queueMail } from './platform/mail/queue-mail.js';
import { startFakeSmtp } from './test/fake-smtp.js';
import {
  createSignedInNetwork,
  deferCleanups,
  exitWithin,
  prepareProcessDatabase,
  startServerProcess,
} from './test/process-harness.js';

const defer = deferCleanups();

const WAITING_MAIL = 'waiting@example.jp';

/**
 * A database for the server under test: a network whose owner has a session, and one mail waiting in the
 * queue, which the server's worker will pick up as soon as it starts.
 */
function prepareDatabase() {
  return prepareProcessDatabase(defer, (enishi) =>
    enishi.deps.database.db.transaction(async (tx) => {
      const { session } = await createSignedInNetwork(tx, 'shutdown', {
        ja: '停止テスト株式会社',
        en: 'Shutdown Test',
      });
      // In the lane sign-in links use, so the late sign-in request below finds its worker busy.
      await queueMail(
        enishi.deps.jobs,
        tx,
        { to: WAITING_MAIL, subject: '配信テスト', text: '本文' },
        { lane: 'immediate' },
      );
      return session;
    }),
  );
}

describe('graceful shutdown', () => {
  it('on SIGTERM refuses new connections, ends live streams, finishes the running request and job step, and exits 0 within 10 s', async () => {
    const smtp = await startFakeSmtp();
    defer(smtp.close);
    const { env, seeded: session, query } = await prepareDatabase();
    const server = await startServerProcess(defer, { ...env, SMTP_URL: smtp.url });

    // The queued mail is being delivered: the worker waits for the mail server's answer.
    await smtp.received;

    // A member has the live feed open.
    const stream = await fetch(`${server.baseUrl}/api/v1/t/shutdown/community/feed/stream`, {
      headers: { cookie: `enishi_session=${session}` },
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let events = '';
    while (!events.includes('event: ready')) events += new TextDecoder().decode((await reader.read()).value);

    // A request is running: the server has its headers (it answered 100 Continue) but not yet its body.
    const body = JSON.stringify({ email: 'late@example.jp' });
    const running = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: '/api/v1/auth/magic-link',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        cookie: 'enishi_csrf=shutdown-test',
        'x-csrf-token': 'shutdown-test',
        expect: '100-continue',
      },
    });
    const answered = once(running, 'response') as Promise<[http.IncomingMessage]>;
    await once(running, 'continue');

    server.child.kill('SIGTERM');
    const exited = exitWithin(server.child, 10_000);

    // The live stream ends, and by then the server no longer accepts connections.
    for (;;) if ((await reader.read()).done) break;
    await expect(fetch(`${server.baseUrl}/api/health`)).rejects.toThrow();

    // The running request and the mail delivery both finish.
    running.end(body);
    const [response] = await answered;
    expect(response.statusCode).toBe(202);
    expect(response.headers.connection).toBe('close');
    response.resume();
    smtp.release();

    expect(await exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('shutting down');
    expect(smtp.messages).toHaveLength(1);
    const mails = await query(`select recipient as "to", state from mail_outbox order by created_at`);
    // The mail in flight was completed; the one the late request queued waits for the next start.
    expect(mails).toEqual([
      { to: WAITING_MAIL, state: 'sent' },
      { to: 'late@example.jp', state: 'pending' },
    ]);
  }, 90_000);

  it('on SIGINT with nothing running exits 0', async () => {
    const { env } = await prepareDatabase();
    const server = await startServerProcess(defer, env);
    // An idle keep-alive connection must not hold the shutdown up.
    const agent = new http.Agent({ keepAlive: true });
    defer(async () => agent.destroy());
    const health = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${server.baseUrl}/api/health`, { agent }, resolve),
    );
    health.resume();
    expect(health.statusCode).toBe(200);
    server.child.kill('SIGINT');
    const exit = await exitWithin(server.child, 10_000);
    if (exit.code !== 0) console.log('EXIT', exit, JSON.stringify(server.output().slice(-2500)));
    expect(exit).toEqual({ code: 0, signal: null });
  }, 90_000);
});
