import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { rawRequest } from '../../test/raw-http.js';

function expectSecurityHeaders(label: string, headers: Headers) {
  const csp = headers.get('content-security-policy') ?? '';
  expect({ label, nosniff: headers.get('x-content-type-options') }).toEqual({ label, nosniff: 'nosniff' });
  expect({ label, csp }).toEqual({ label, csp: expect.stringContaining("object-src 'none'") });
  expect({ label, csp }).toEqual({ label, csp: expect.stringContaining("frame-ancestors 'none'") });
  expect({ label, referrer: headers.get('referrer-policy') }).toEqual({ label, referrer: 'no-referrer' });
  // frame-ancestors 'none' says it all; SAMEORIGIN would contradict it.
  expect({ label, frame: headers.get('x-frame-options') }).toEqual({ label, frame: null });
}

/** One response of each kind the server gives: success, every error path, pages and files. */
async function everyKindOfResponse(server: TestServer) {
  const client = new TestClient(server);
  const responses: [string, Promise<Response>][] = [
    ['200 JSON', fetch(`${server.baseUrl}/api/health`)],
    ['404 API', fetch(`${server.baseUrl}/api/v1/no-such-thing`)],
    ['401', fetch(`${server.baseUrl}/api/v1/account`)],
    ['403 CSRF', fetch(`${server.baseUrl}/api/v1/auth/magic-link`, { method: 'POST' })],
    ['405/404 method', fetch(`${server.baseUrl}/api/health`, { method: 'DELETE' })],
    ['422 query', fetch(`${server.baseUrl}/api/health?q=%00`)],
    ['200 docs page', fetch(`${server.baseUrl}/api/docs`)],
    ['200 web page', fetch(`${server.baseUrl}/some/page`)],
    ['200 static file', fetch(`${server.baseUrl}/robots.txt`)],
  ];
  await client.get('/api/v1/session');
  const csrf = client.cookies.get('enishi_csrf')!;
  const withCsrf = { cookie: `enishi_csrf=${csrf}`, 'x-csrf-token': csrf };
  const extra: [string, Promise<Response>][] = [
    [
      '415',
      fetch(`${server.baseUrl}/api/v1/auth/magic-link`, {
        method: 'POST',
        headers: { ...withCsrf, 'content-type': 'text/plain' },
        body: '{}',
      }),
    ],
    [
      '400 malformed',
      fetch(`${server.baseUrl}/api/v1/auth/magic-link`, {
        method: 'POST',
        headers: { ...withCsrf, 'content-type': 'application/json' },
        body: '{',
      }),
    ],
    [
      '413',
      fetch(`${server.baseUrl}/api/v1/auth/magic-link`, {
        method: 'POST',
        headers: { ...withCsrf, 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ email: 'a@example.jp', padding: 'x'.repeat(1_100_000) }),
      }),
    ],
  ];
  return Promise.all(
    [...responses, ...extra].map(async ([label, pending]) => [label, (await pending).headers] as const),
  );
}

function webRoot() {
  const root = mkdtempSync(path.join(tmpdir(), 'enishi-web-'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Enishi</title>');
  writeFileSync(path.join(root, 'robots.txt'), 'User-agent: *\n');
  return root;
}

describe('security headers on a plain-http development instance', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({}, { webRoot: webRoot() });
  });
  afterAll(() => server.stop());

  it('are on every response, errors included, and HSTS is not', async () => {
    const all = await everyKindOfResponse(server);
    expect(all.length).toBeGreaterThan(10);
    for (const [label, headers] of all) {
      expectSecurityHeaders(label, headers);
      expect({ label, hsts: headers.get('strict-transport-security') }).toEqual({ label, hsts: null });
    }
    const raw = await rawRequest(server, { path: '/api/v1/no-such-thing', headers: { host: 'x' } });
    expect(raw.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('security headers behind https', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(
      { PUBLIC_URL: 'https://alumni.example.com', SMTP_URL: 'smtp://127.0.0.1:9' },
      { webRoot: webRoot() },
    );
  });
  afterAll(() => server.stop());

  it('add HSTS to every response', async () => {
    for (const [label, headers] of await everyKindOfResponse(server)) {
      expectSecurityHeaders(label, headers);
      expect({ label, hsts: headers.get('strict-transport-security') }).toEqual({
        label,
        hsts: expect.stringMatching(/^max-age=\d{7,}/),
      });
    }
  });
});
