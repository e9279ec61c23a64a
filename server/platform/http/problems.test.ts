import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { createTestTenant, signIn } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  errors?: { path: string; message: string }[];
};

describe('errors are problem+json in the reader’s language', () => {
  it('answers malformed JSON with 400', async () => {
    const client = new TestClient(server);
    const response = await client.request<Problem>('POST', '/api/v1/auth/magic-link', {
      body: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.code).toBe('malformed_json');
    expect(response.body.type).toBe('urn:enishi:problem:malformed_json');
  });

  it('explains wrong types and missing fields per field, in Japanese and in English', async () => {
    const ja = await new TestClient(server).post<Problem>('/api/v1/signup', {
      slug: 42,
      email: 'not-an-address',
    });
    expect(ja.status).toBe(422);
    const byPath = Object.fromEntries(ja.body.errors!.map((e) => [e.path, e.message]));
    expect(byPath.slug).toBe('値の種類が正しくありません。');
    expect(byPath.email).toBe('メールアドレスの形式が正しくありません。');
    expect(byPath.ownerName).toBe('入力してください。');

    const en = await new TestClient(server, { language: 'en-US,en;q=0.9' }).post<Problem>(
      '/api/v1/signup',
      {},
    );
    expect(en.body.title).toBe('Please check what you entered.');
    expect(en.body.errors!.find((e) => e.path === 'email')?.message).toBe('This field is required.');
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const response = await new TestClient(server).post<Problem>('/api/v1/auth/magic-link', {
      email: 'a@example.jp',
      isAdmin: true,
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: 'isAdmin', code: 'field_unknown', message: '受け付けていない項目です。' },
    ]);
  });

  it('refuses an oversize body with 413 before reading it', async () => {
    const response = await new TestClient(server).request<Problem>('POST', '/api/v1/auth/magic-link', {
      body: JSON.stringify({ email: 'a@example.jp', padding: 'x'.repeat(1_100_000) }),
      // The server answers before reading the body and drops the connection, as it should.
      headers: { 'content-type': 'application/json', connection: 'close' },
    });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
  });

  it('writes nothing when a request fails validation', async () => {
    const { tenant, ownerEmail, slug } = await createTestTenant(server);
    const owner = await signIn(server, ownerEmail);
    const before = await owner.get<{ members: unknown[] }>(`/api/v1/t/${slug}/members`);
    const bad = await owner.post(`/api/v1/t/${slug}/members`, {
      email: 'new@example.jp',
      displayName: '',
      role: 'owner',
    });
    expect(bad.status).toBe(422);
    const after = await owner.get<{ members: unknown[] }>(`/api/v1/t/${slug}/members`);
    expect(after.body.members).toHaveLength(before.body.members.length);
    expect(tenant.slug).toBe(slug);
  });

  it('answers unknown API paths with a problem, never an HTML page or a stack trace', async () => {
    const response = await new TestClient(server).get<Problem>('/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.contentType).toContain('application/problem+json');
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('publishes the OpenAPI document and its reference page', async () => {
    const client = new TestClient(server);
    const spec = await client.get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(spec.body.openapi).toBe('3.1.0');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/auth/magic-link',
        '/v1/t/{slug}/members/{id}',
        '/health',
        '/v1/t/{slug}/registry/records',
        '/v1/t/{slug}/registry/imports/{id}/apply',
        '/v1/t/{slug}/registry/invitations',
        '/v1/invitations/accept',
        '/v1/join-requests',
      ]),
    );
    const docs = await client.get<string>('/api/docs');
    expect(docs.contentType).toContain('text/html');
    expect(docs.body).toContain('swagger-ui');
    expect((await client.get<string>('/api/docs/assets/init.js')).body).toContain('/api/openapi.json');
  });

  it('reports health and readiness', async () => {
    const client = new TestClient(server);
    expect((await client.get('/api/health')).body).toEqual({ status: 'ok' });
    expect((await client.get('/api/ready')).body).toEqual({
      status: 'ready',
      database: 'ok',
      pendingMigrations: [],
    });
  });
});
