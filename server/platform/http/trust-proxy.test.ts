import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { TestClient } from '../../test/client.js';
import { createTestTenant, latestMail, tokenFrom, uniqueEmail } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { rawRequest } from '../../test/raw-http.js';
import { signInLimits } from '../auth/magic-link.js';
import { parseTrustProxy, resolveClientAddress, type TrustProxy } from './trust-proxy.js';

function trust(value: string): TrustProxy | null {
  const parsed = parseTrustProxy(value);
  if (parsed instanceof Error) throw parsed;
  return parsed;
}

describe('TRUST_PROXY', () => {
  it('reads a hop count or a list of addresses and CIDR ranges, and refuses anything else', () => {
    expect(trust('')).toBeNull();
    expect(trust('0')).toBeNull();
    expect(trust('2')).toEqual({ hops: 2 });
    expect(trust('10.0.0.0/8, 192.168.0.1 ::1 fd00::/8')).toMatchObject({ networks: expect.anything() });
    for (const bad of ['yes', '10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/8/1', '300.1.1.1', '99']) {
      expect(parseTrustProxy(bad)).toBeInstanceOf(Error);
    }
    expect(() => loadConfig({ TRUST_PROXY: 'loopback' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({}).trustProxy).toBeNull();
  });

  it('takes the client from X-Forwarded-For only as far as the trusted proxies reach', () => {
    // No trust: the header is the client's own words.
    expect(resolveClientAddress('127.0.0.1', '198.51.100.7', null)).toBe('127.0.0.1');
    // One proxy: it appended the address it saw; anything left of that the client wrote itself.
    expect(resolveClientAddress('10.0.0.2', '198.51.100.7', trust('1'))).toBe('198.51.100.7');
    expect(resolveClientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7', trust('1'))).toBe('198.51.100.7');
    expect(resolveClientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.9', trust('2'))).toBe(
      '198.51.100.7',
    );
    // More hops than addresses: the leftmost one is all there is.
    expect(resolveClientAddress('10.0.0.2', '198.51.100.7', trust('3'))).toBe('198.51.100.7');
    // Networks: walk from the socket while the address is a trusted proxy.
    const ranges = trust('10.0.0.0/8, ::1');
    expect(resolveClientAddress('::ffff:10.0.0.2', '6.6.6.6, 198.51.100.7, 10.1.2.3', ranges)).toBe(
      '198.51.100.7',
    );
    expect(resolveClientAddress('::1', '2001:db8::5', ranges)).toBe('2001:db8::5');
    // A socket outside the trusted networks is the client, whatever it claims.
    expect(resolveClientAddress('203.0.113.4', '198.51.100.7', ranges)).toBe('203.0.113.4');
    // Ports and brackets are dropped; garbage never becomes the address.
    expect(resolveClientAddress('10.0.0.2', '[2001:db8::5]:443', trust('1'))).toBe('2001:db8::5');
    expect(resolveClientAddress('10.0.0.2', '198.51.100.7:5123', trust('1'))).toBe('198.51.100.7');
    expect(resolveClientAddress('10.0.0.2', 'not-an-address', trust('1'))).toBe('10.0.0.2');
    expect(resolveClientAddress(undefined, undefined, null)).toBe('unknown');
  });
});

async function signInThrough(server: TestServer, email: string, forwardedFor?: string) {
  const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  const client = new TestClient(server);
  await client.request('POST', '/api/v1/auth/magic-link', { json: { email }, headers });
  const token = tokenFrom((await latestMail(server, email))!.textBody);
  await client.request('POST', '/api/v1/auth/verify', { json: { token }, headers });
  const sessions = await client.get<{ sessions: { ipAddress: string }[] }>('/api/v1/account/sessions');
  return sessions.body.sessions[0]!.ipAddress;
}

describe('behind one reverse proxy (TRUST_PROXY=1)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: '1' });
  });
  afterAll(() => server.stop());

  it('records the forwarded client address on the session', async () => {
    const { ownerEmail } = await createTestTenant(server);
    expect(await signInThrough(server, ownerEmail, '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
  });

  it('limits sign-in requests per client, so one client behind the proxy does not lock out another', async () => {
    const send = (forwardedFor: string) =>
      new TestClient(server).request('POST', '/api/v1/auth/magic-link', {
        json: { email: uniqueEmail('limit') },
        headers: { 'x-forwarded-for': forwardedFor },
      });
    const statuses: number[] = [];
    for (let i = 0; i <= signInLimits.perAddressIp.limit; i += 1)
      statuses.push((await send('198.51.100.20')).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 202)).toBe(true);
    expect((await send('198.51.100.21')).status).toBe(202);
  });
});

describe('without TRUST_PROXY', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('ignores X-Forwarded-For: a client cannot choose its own address', async () => {
    const { ownerEmail } = await createTestTenant(server);
    expect(await signInThrough(server, ownerEmail, '198.51.100.7')).toBe('127.0.0.1');
  });

  it("checks Origin against PUBLIC_URL's origin only, never against the Host header", async () => {
    const client = new TestClient(server);
    await client.get('/api/v1/session');
    const csrf = client.cookies.get('enishi_csrf')!;
    const post = (headers: Record<string, string>) =>
      rawRequest(server, {
        method: 'POST',
        path: '/api/v1/auth/magic-link',
        headers: {
          'content-type': 'application/json',
          cookie: `enishi_csrf=${csrf}`,
          'x-csrf-token': csrf,
          ...headers,
        },
        body: JSON.stringify({ email: uniqueEmail('origin') }),
      });
    const forged = await post({ host: 'attacker.example', origin: 'http://attacker.example' });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.text).code).toBe('csrf_failed');
    expect((await post({ origin: 'http://attacker.example' })).status).toBe(403);
    expect((await post({ origin: new URL(server.publicUrl).origin })).status).toBe(202);
  });
});
