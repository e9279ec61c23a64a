import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('a server that is shutting down', () => {
  it('answers a request on a connection still open with 503, Retry-After and the reason in the reader’s language', async () => {
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    server.deps.shutdown.begin();
    const refused = await fetch(`${server.baseUrl}/api/v1/session`, { headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({
      code: 'shutting_down',
      title: 'The server is restarting. Please try again in a moment.',
    });
  });
});
