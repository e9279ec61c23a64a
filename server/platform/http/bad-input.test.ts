import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.js';
import { communityMember, policyVersion } from '../../test/community-factories.js';
import { createTestTenant, signIn, uniqueEmail } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import {
  concretePath,
  exampleValue,
  hasString,
  type IdPool,
  mapStrings,
  type OpenApiDocument,
  type Operation,
  operationsOf,
} from '../../test/openapi-requests.js';

/**
 * Every endpoint of the OpenAPI document, driven with the shapes a fuzzer sends: wrong content type,
 * U+0000 and lone surrogates in body, path and query, empty PATCH bodies, wrong types and odd values.
 * Endpoints added later are covered as they appear in the document. None may answer 500.
 */
let server: TestServer;
let owner: TestClient;
let slug: string;
let operations: Operation[];
let document: OpenApiDocument;
const ids: IdPool = new Map();
const writes = () => operations.filter((op) => op.method !== 'GET');
// Ending the test's own session would turn every later answer into 401 and prove nothing.
const sessionEnding = (op: Operation) =>
  op.template === '/v1/auth/sign-out' || op.template.endsWith('/sessions/{id}');

type Sent = { label: string; status: number; code?: string };
async function send(
  op: Operation,
  init: { path?: string; body?: string; type?: string | null },
): Promise<Sent> {
  const url = init.path ?? concretePath(op, slug, ids);
  const headers: Record<string, string> = {};
  if (init.type !== null) headers['content-type'] = init.type ?? 'application/json';
  const response = await owner.request<{ code?: string }>(op.method, url, {
    ...(init.body !== undefined ? { body: init.body } : {}),
    headers,
  });
  const code = typeof response.body === 'object' && response.body ? response.body.code : undefined;
  return {
    label: `${op.method} ${url} → ${response.status} ${code ?? ''}`,
    status: response.status,
    ...(code ? { code } : {}),
  };
}

function bodyFor(op: Operation): { body?: string; type?: null } {
  return op.method === 'GET' ? { type: null } : { body: JSON.stringify(example(op)) };
}

function example(op: Operation): unknown {
  return op.jsonBody ? exampleValue(op.jsonBody, document, ids) : {};
}

beforeAll(async () => {
  server = await startTestServer();
  const tenant = await createTestTenant(server);
  slug = tenant.slug;
  owner = await signIn(server, tenant.ownerEmail);
  const base = `/api/v1/t/${slug}`;
  await owner.put(`${base}/community/me/consents?source=onboarding`, {
    companyNews: true,
    listedInDirectory: true,
    companyContact: true,
    policyVersion,
  });
  const alumnus = await communityMember(server, tenant.tenant);
  ids.set('members', alumnus.id);
  const record = await owner.post<{ id: string }>(`${base}/registry/records`, {
    familyName: '山田',
    givenName: '花子',
    emails: [uniqueEmail('record')],
  });
  ids.set('records', record.body.id);
  const post = await owner.post<{ id: string }>(`${base}/community/posts`, { body: '検証用の投稿です' });
  ids.set('posts', post.body.id);
  const comment = await owner.post<{ id: string }>(`${base}/community/posts/${post.body.id}/comments`, {
    body: '検証用のコメント',
  });
  ids.set('comments', comment.body.id);
  const conversation = await alumnus.client.post<{ id: string }>(`${base}/community/conversations`, {
    memberId: tenant.owner.id,
  });
  ids.set('conversations', conversation.body.id);
  const thread = await alumnus.client.post<{ messages: { id: string }[] }>(
    `${base}/community/conversations/${conversation.body.id}/messages`,
    { body: 'こんにちは' },
  );
  ids.set('messages', thread.body.messages[0]!.id);
  const csv = readFileSync(path.join(import.meta.dirname, '../../test/fixtures/leavers-utf8.csv'));
  const upload = await owner.upload<{ id: string }>(`${base}/registry/imports?fileName=a.csv`, csv);
  ids.set('imports', upload.body.id);

  document = (await owner.get<OpenApiDocument>('/api/openapi.json')).body;
  operations = operationsOf(document);
  // Anything else a collection endpoint creates from a plausible body becomes a real id for the rest.
  for (const op of writes().filter(
    (o) => o.method === 'POST' && !o.template.endsWith('}') && !sessionEnding(o),
  )) {
    const created = await owner.request<{ id?: string }>('POST', concretePath(op, slug, ids), {
      json: example(op),
    });
    const collection = op.template.split('/').at(-1)!;
    if (created.status < 300 && typeof created.body?.id === 'string' && !ids.has(collection)) {
      ids.set(collection, created.body.id);
    }
  }
});
afterAll(() => server.stop());

describe('bad input is a 4xx problem on every endpoint, never a 500', () => {
  it('answers a JSON endpoint sent another Content-Type with 415', async () => {
    const results: Sent[] = [];
    for (const op of writes().filter((o) => o.jsonBody)) {
      const body = JSON.stringify(example(op));
      results.push(await send(op, { body, type: 'text/plain' }));
      results.push(await send(op, { body, type: 'application/x-www-form-urlencoded' }));
      results.push(await send(op, { body, type: 'application/xml' }));
    }
    expect(results.length).toBeGreaterThan(100);
    expect(
      results.filter((r) => r.status !== 415 || r.code !== 'unsupported_media_type').map((r) => r.label),
    ).toEqual([]);
  });

  it('answers U+0000 or a lone surrogate in any string of a body with 422', async () => {
    const results: Sent[] = [];
    for (const op of writes().filter((o) => o.jsonBody)) {
      const body = example(op);
      const target = hasString(body) ? body : { ...(body as object), extra: 'x' };
      for (const bad of ['\u0000', '\uD800', '\uDFFF']) {
        results.push(await send(op, { body: JSON.stringify(mapStrings(target, (t) => `${t}${bad}`)) }));
      }
      results.push(await send(op, { body: JSON.stringify({ [`key${'\u0000'}`]: 1 }) }));
    }
    expect(
      results.filter((r) => r.status !== 422 || r.code !== 'validation_failed').map((r) => r.label),
    ).toEqual([]);
  });

  it('answers U+0000 or an encoded lone surrogate in a path or query with 422, on every endpoint', async () => {
    const results: Sent[] = [];
    for (const op of operations) {
      for (const bad of ['%00', 'a%00b', '%ED%A0%80']) {
        if (op.template.includes('{')) {
          const url = concretePath(op, slug, ids, () => bad);
          results.push(await send(op, { path: url, ...bodyFor(op) }));
        }
        const url = `${concretePath(op, slug, ids)}?q=${bad}`;
        results.push(await send(op, { path: url, ...bodyFor(op) }));
      }
    }
    expect(results.filter((r) => r.status !== 422).map((r) => r.label)).toEqual([]);
  });

  it('answers an empty PATCH with 422 "nothing to change" on every PATCH endpoint', async () => {
    const patches = writes().filter((o) => o.method === 'PATCH');
    expect(patches.map((o) => o.template)).toEqual(
      expect.arrayContaining(['/v1/account', '/v1/t/{slug}/members/{id}']),
    );
    const results: Sent[] = [];
    for (const op of patches) {
      results.push(await send(op, { body: '{}' }));
      results.push(await send(op, { type: null }));
      results.push(await send(op, { body: ' ' }));
    }
    expect(
      results.filter((r) => r.status !== 422 || r.code !== 'nothing_to_change').map((r) => r.label),
    ).toEqual([]);
  });

  it('answers wrong types, odd values and odd shapes with a 4xx (or success), never a 500', async () => {
    const shapes: unknown[] = [[], null, 'text', { unknown: true }];
    const fieldValues: unknown[] = [
      null,
      -1,
      2 ** 63,
      'x'.repeat(10_000),
      '2023-02-30',
      '9999-12-31T99:99:99Z',
      '髙﨑 𠮷野家 ①',
      [1, 2, 3],
      { nested: { deep: [null] } },
    ];
    const results: Sent[] = [];
    const ordered = [...writes().filter((o) => !sessionEnding(o))].sort(
      (a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'),
    );
    for (const op of ordered) {
      const body = example(op);
      results.push(await send(op, { body: JSON.stringify(body) }));
      results.push(await send(op, { body: '{"unterminated": ' }));
      for (const shape of shapes) results.push(await send(op, { body: JSON.stringify(shape) }));
      const fields = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
      for (const value of fields.length > 0 ? fieldValues : []) {
        const everyField = Object.fromEntries(fields.map((key) => [key, value]));
        results.push(await send(op, { body: JSON.stringify(everyField) }));
      }
    }
    for (const op of operations.filter((o) => o.method === 'GET')) {
      for (const query of [
        '',
        '?limit=-1',
        '?limit=99999999999999999999',
        '?cursor=%7B%7D',
        '?q=%27%22%3B--',
      ]) {
        results.push(await send(op, { path: `${concretePath(op, slug, ids)}${query}`, type: null }));
      }
    }
    expect(results.filter((r) => r.status >= 500).map((r) => r.label)).toEqual([]);
  }, 180_000);
});

describe('races on unique values', () => {
  it('four parallel POST /members with one address: one 201 and three 409', async () => {
    const address = uniqueEmail('race');
    const responses = await Promise.all(
      [1, 2, 3, 4].map(() =>
        owner.post(`/api/v1/t/${slug}/members`, { email: address, displayName: '同時 太郎', role: 'admin' }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.contentType).toContain('application/problem+json');
    }
  });
});
