import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { TestClient } from '../../test/client.js';
import { createTestTenant, latestMail, tokenFrom, uniqueEmail } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { rawRequest } from '../../test/raw-http.js';
import { queueMail } from './queue-mail.js';

/** A logger that keeps what it writes, to check what reaches the console. */
function capturedLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  return { logger, text: () => lines.join('') };
}

/** The app as the Node adapter calls it, with the client's socket address of our choosing. */
function fromAddress(server: TestServer, remoteAddress: string, requestPath: string) {
  return server.app.request(
    requestPath,
    { headers: { host: new URL(server.publicUrl).host } },
    { incoming: { socket: { remoteAddress } } },
  );
}

describe('configuration', () => {
  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('refuses a public PUBLIC_URL without SMTP_URL unless ENISHI_DEV_MAIL=1 says so', () => {
    const publicUrl = { PUBLIC_URL: 'https://alumni.example.com' };
    expect(() => loadConfig(publicUrl)).toThrow(/SMTP_URL.*ENISHI_DEV_MAIL=1/s);
    expect(loadConfig({ ...publicUrl, SMTP_URL: 'smtps://mail.example.com' })).toMatchObject({
      devMailbox: false,
      devMailForced: false,
    });
    expect(loadConfig({ ...publicUrl, ENISHI_DEV_MAIL: '1' })).toMatchObject({
      devMailbox: false,
      devMailForced: true,
    });
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000' })).toMatchObject({ devMailbox: true });
    expect(loadConfig({ PUBLIC_URL: 'http://enishi.localhost:3000' })).toMatchObject({ devMailbox: true });
  });

  it('the server says why it will not start, without a stack trace', () => {
    const started = spawnSync('npx', ['tsx', 'server/main.ts'], {
      env: { ...process.env, PUBLIC_URL: 'https://alumni.example.com', SMTP_URL: '', ENISHI_DEV_MAIL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('SMTP_URL');
    expect(started.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('the dev mailbox on a development instance', () => {
  let server: TestServer;
  const log = capturedLogger();
  beforeAll(async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), 'enishi-web-'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Enishi</title>');
    server = await startTestServer({}, { webRoot, logger: log.logger });
  });
  afterAll(() => server.stop());

  it('shows mail to a loopback client, and prints it on the console', async () => {
    const { ownerEmail } = await createTestTenant(server);
    const client = new TestClient(server);
    await client.post('/api/v1/auth/magic-link', { email: ownerEmail });
    const token = tokenFrom((await latestMail(server, ownerEmail))!.textBody);
    const mailbox = await client.get<{ mails: { text: string }[] }>('/api/dev/mailbox');
    expect(mailbox.status).toBe(200);
    expect(mailbox.body.mails[0]!.text).toContain(token);
    expect((await client.get<{ devMailbox: boolean }>('/api/v1/session')).body.devMailbox).toBe(true);
    expect(log.text()).toContain(token);
    expect((await fromAddress(server, '127.0.0.1', '/api/dev/mailbox')).status).toBe(200);
    expect((await fromAddress(server, '::ffff:127.0.0.1', '/dev/mailbox')).status).toBe(200);
  });

  it("shows a mail's extra headers, as the RFC 8058 unsubscribe headers a mail app would act on", async () => {
    const to = uniqueEmail('headers');
    const headers = {
      'List-Unsubscribe': '<http://localhost/api/v1/programmes/unsubscribe/one-click?token=abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
    await queueMail(server.deps.jobs, server.deps.database.db, {
      to,
      subject: 'ヘッダー付き',
      text: '本文',
      headers,
    });
    await latestMail(server, to);
    const mailbox = await new TestClient(server).get<{
      mails: { to: string; headers: Record<string, string> }[];
    }>('/api/dev/mailbox');
    expect(mailbox.body.mails.find((mail) => mail.to === to)?.headers).toEqual(headers);
  });

  it('answers 404 to anyone not at this machine: another address, a proxy, a foreign Host header', async () => {
    for (const target of ['/api/dev/mailbox', '/dev/mailbox']) {
      expect((await fromAddress(server, '203.0.113.9', target)).status).toBe(404);
      expect((await fromAddress(server, '::ffff:192.168.1.20', target)).status).toBe(404);
      // A tunnel or proxy on this machine relays the whole internet from 127.0.0.1.
      expect(
        (await rawRequest(server, { path: target, headers: { 'x-forwarded-for': '203.0.113.9' } })).status,
      ).toBe(404);
      expect(
        (await rawRequest(server, { path: target, headers: { forwarded: 'for=203.0.113.9' } })).status,
      ).toBe(404);
      // DNS rebinding: a page of attacker.example resolved to 127.0.0.1 sends its own name as Host.
      expect((await rawRequest(server, { path: target, headers: { host: 'attacker.example' } })).status).toBe(
        404,
      );
      expect((await rawRequest(server, { path: target, headers: { host: 'localhost' } })).status).toBe(200);
    }
    const session = await server.app.request(
      '/api/v1/session',
      { headers: { host: 'localhost' } },
      { incoming: { socket: { remoteAddress: '203.0.113.9' } } },
    );
    expect(((await session.json()) as { devMailbox: boolean }).devMailbox).toBe(false);
  });
});

describe('the dev mailbox behind a public PUBLIC_URL (ENISHI_DEV_MAIL=1)', () => {
  let server: TestServer;
  const log = capturedLogger();
  beforeAll(async () => {
    server = await startTestServer(
      { PUBLIC_URL: 'https://alumni.example.com', ENISHI_DEV_MAIL: '1' },
      { logger: log.logger },
    );
  });
  afterAll(() => server.stop());

  it('warns at start-up, serves the mailbox to nobody and logs neither mail bodies nor tokens', async () => {
    expect(log.text()).toContain('ENISHI_DEV_MAIL=1');
    const { ownerEmail } = await createTestTenant(server);
    const client = new TestClient(server);
    expect((await client.post('/api/v1/auth/magic-link', { email: ownerEmail })).status).toBe(202);
    const mail = await latestMail(server, ownerEmail);
    const token = tokenFrom(mail!.textBody);
    expect((await client.get('/api/dev/mailbox')).status).toBe(404);
    expect(
      (await rawRequest(server, { path: '/api/dev/mailbox', headers: { host: 'localhost' } })).status,
    ).toBe(404);
    expect((await client.get<{ devMailbox: boolean }>('/api/v1/session')).body.devMailbox).toBe(false);
    expect(log.text()).toContain('mail kept in the dev mailbox');
    expect(log.text()).not.toContain(token);
    expect(log.text()).not.toContain('#token=');
  });
});
