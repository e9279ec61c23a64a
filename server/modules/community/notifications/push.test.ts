import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityMember } from '../../../test/community-factories.js';
import { createTestTenant } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';

type Received = { path: string; headers: IncomingMessage['headers']; body: Buffer };

/** A push service on loopback, standing in for FCM or Mozilla's: it records what it is sent. */
let pushService: Server;
let pushOrigin: string;
const received: Received[] = [];
let answer = 201;

let server: TestServer;
beforeAll(async () => {
  pushService = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = answer;
      response.end();
    });
  });
  await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve));
  pushOrigin = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`;
  server = await startTestServer({ WEB_PUSH_SERVICES: pushOrigin });
});
afterAll(async () => {
  await server.stop();
  await new Promise<void>((resolve) => pushService.close(() => resolve()));
});

/** A browser's side of a subscription: its own key pair and auth secret, as PushManager makes them. */
function deviceKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
  };
}

/** Checks the VAPID JWT (RFC 8292) against the server's public key, as a push service would. */
function vapidClaims(authorization: string, publicKey: string) {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(authorization);
  expect(match).not.toBeNull();
  const [, token, key] = match!;
  expect(key).toBe(publicKey);
  const [header, claims, signature] = token!.split('.');
  const raw = Buffer.from(publicKey, 'base64url');
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: raw.subarray(1, 33).toString('base64url'),
    y: raw.subarray(33, 65).toString('base64url'),
  };
  const valid = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature!, 'base64url'),
  );
  expect(valid).toBe(true);
  return JSON.parse(Buffer.from(claims!, 'base64url').toString()) as {
    aud: string;
    sub: string;
    exp: number;
  };
}

async function network() {
  const created = await createTestTenant(server);
  return { id: created.tenant.id, slug: created.slug };
}

describe('Web Push', () => {
  it('delivers an encrypted, VAPID-signed notification to a subscribed device, and forgets a gone one', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const author = await communityMember(server, tenant, { displayName: '投稿 太郎' });
    const friend = await communityMember(server, tenant, { displayName: '友人 花子' });
    const device = deviceKeys();
    const endpoint = `${pushOrigin}/push/${randomBytes(8).toString('hex')}`;
    const settings = await author.client.get<{ push: { publicKey: string; devices: number } }>(
      `${base}/me/notification-settings`,
    );
    const publicKey = settings.body.push.publicKey;
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
    expect(settings.body.push.devices).toBe(0);
    const saved = await author.client.put(`${base}/me/push-subscription`, {
      endpoint,
      expirationTime: null,
      keys: device.keys,
    });
    expect(saved.status).toBe(200);

    const post = (await author.client.post<{ id: string }>(`${base}/posts`, { body: '転職しました' })).body;
    received.length = 0;
    await friend.client.post(`${base}/posts/${post.id}/comments`, { body: 'おめでとう！' });
    await server.deps.jobs.drain();

    expect(received).toHaveLength(1);
    const [push] = received;
    expect(push!.path).toBe(new URL(endpoint).pathname);
    expect(push!.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(push!.headers.ttl)).toBeGreaterThan(0);
    const claims = vapidClaims(String(push!.headers.authorization), publicKey);
    expect(claims.aud).toBe(pushOrigin);
    expect(claims.sub).toMatch(/^mailto:/);
    // Only the device's private key opens it: the push service never reads the text.
    const payload = JSON.parse(
      ece
        .decrypt(push!.body, { version: 'aes128gcm', privateKey: device.ecdh, authSecret: device.keys.auth })
        .toString(),
    );
    expect(payload).toEqual({
      title: expect.stringContaining('テスト株式会社'),
      body: '友人 花子 さんがあなたの投稿にコメントしました。',
      url: `/t/${tenant.slug}/posts/${post.id}`,
      tag: `comment:${post.id}`,
    });

    // The push service says the device is gone: the next notification is not sent to it.
    answer = 410;
    await friend.client.post(`${base}/posts/${post.id}/comments`, { body: 'もう一つ' });
    await server.deps.jobs.drain();
    answer = 201;
    const after = await author.client.get<{ push: { devices: number } }>(`${base}/me/notification-settings`);
    expect(after.body.push.devices).toBe(0);
    received.length = 0;
    await friend.client.post(`${base}/posts/${post.id}/comments`, { body: '三つ目' });
    await server.deps.jobs.drain();
    expect(received).toHaveLength(0);
  });

  it('sends no push for a kind the member turned off, and stops when the device unsubscribes', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const author = await communityMember(server, tenant);
    const friend = await communityMember(server, tenant);
    const endpoint = `${pushOrigin}/push/${randomBytes(8).toString('hex')}`;
    await author.client.put(`${base}/me/push-subscription`, { endpoint, keys: deviceKeys().keys });
    await author.client.patch(`${base}/me/notification-settings`, {
      preferences: { comment: { push: false } },
    });
    const post = (await author.client.post<{ id: string }>(`${base}/posts`, { body: '近況' })).body;
    received.length = 0;
    await friend.client.post(`${base}/posts/${post.id}/comments`, { body: 'いいですね' });
    const conversation = (
      await friend.client.post<{ id: string }>(`${base}/conversations`, { memberId: author.id })
    ).body;
    await friend.client.post(`${base}/conversations/${conversation.id}/messages`, { body: 'こんにちは' });
    await server.deps.jobs.drain();
    // The comment stays in the app; the message, still on for push, arrives.
    expect(received).toHaveLength(1);

    expect(
      (await author.client.request('DELETE', `${base}/me/push-subscription`, { json: { endpoint } })).status,
    ).toBe(200);
    received.length = 0;
    await friend.client.post(`${base}/conversations/${conversation.id}/messages`, { body: 'もしもし' });
    await server.deps.jobs.drain();
    expect(received).toHaveLength(0);
  });

  it('accepts push services it knows only, with a clear error, and keeps subscriptions inside their network', async () => {
    const tenant = await network();
    const other = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const member = await communityMember(server, tenant);
    const outsider = await communityMember(server, other);
    const keys = deviceKeys().keys;
    const refused = await member.client.put<{ code: string; title: string }>(`${base}/me/push-subscription`, {
      endpoint: 'http://169.254.169.254/latest/meta-data',
      keys,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('push_endpoint_not_allowed');
    expect(refused.body.title).toContain('プッシュ通知サービスには対応していません');
    const malformed = await member.client.put(`${base}/me/push-subscription`, {
      endpoint: `${pushOrigin}/push/x`,
      keys: { p256dh: 'short', auth: '' },
    });
    expect(malformed.status).toBe(422);
    const settings = await member.client.get<{ push: { devices: number } }>(
      `${base}/me/notification-settings`,
    );
    expect(settings.body.push.devices).toBe(0);

    const endpoint = `${pushOrigin}/push/${randomBytes(8).toString('hex')}`;
    expect((await outsider.client.put(`${base}/me/push-subscription`, { endpoint, keys })).status).toBe(404);
    expect((await outsider.client.get(`${base}/me/notification-settings`)).status).toBe(404);
    expect(
      (await outsider.client.request('DELETE', `${base}/me/push-subscription`, { json: { endpoint } }))
        .status,
    ).toBe(404);
  });
});
