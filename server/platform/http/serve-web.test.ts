import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../../../scripts/precompress-web.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { rawRequest } from '../../test/raw-http.js';
import { acceptedEncodings } from './serve-web.js';

const script = `console.log(${JSON.stringify('縁 '.repeat(2000))});\n`;

function builtWeb() {
  const root = mkdtempSync(path.join(tmpdir(), 'enishi-web-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(
    path.join(root, 'index.html'),
    `<!doctype html><title>Enishi</title>${'<!-- padding -->'.repeat(100)}`,
  );
  writeFileSync(path.join(root, 'assets', 'index-abc123.js'), script);
  writeFileSync(path.join(root, 'assets', 'tiny-abc123.js'), 'export{};');
  writeFileSync(path.join(root, 'robots.txt'), 'User-agent: *\n');
  precompressDirectory(root);
  return root;
}

describe('serving the built web app', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({}, { webRoot: builtWeb() });
  });
  afterAll(() => server.stop());

  it('answers an unknown /assets/ path with 404, never the page under an immutable cache', async () => {
    for (const asset of ['/assets/index-gone999.js', '/assets/', '/assets/nested/missing.css']) {
      const response = await fetch(`${server.baseUrl}${asset}`, { headers: { accept: 'text/html' } });
      expect({ asset, status: response.status }).toEqual({ asset, status: 404 });
      expect(response.headers.get('cache-control') ?? '').not.toContain('immutable');
      expect(await response.text()).not.toContain('<title>Enishi</title>');
    }
  });

  it('still answers other unknown paths with the page, not cached', async () => {
    const response = await fetch(`${server.baseUrl}/t/demo/people`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>Enishi</title>');
  });

  it('sends the brotli copy when accepted, with Vary and the immutable cache', async () => {
    const response = await rawRequest(server, {
      path: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
  });

  it('sends gzip to a client without brotli, and the file as it is to one that accepts neither', async () => {
    const gzip = await rawRequest(server, {
      path: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip;q=1.0, br;q=0' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);

    const identity = await rawRequest(server, { path: '/assets/index-abc123.js', headers: {} });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toBe('Accept-Encoding');
    expect(identity.body.toString()).toBe(script);
  });

  it('compresses the page too, and leaves files too small to gain as they are', async () => {
    const page = await rawRequest(server, { path: '/t/demo', headers: { 'accept-encoding': 'br' } });
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString()).toContain('<title>Enishi</title>');

    const tiny = await rawRequest(server, {
      path: '/assets/tiny-abc123.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers['cache-control']).toContain('immutable');
    expect(tiny.body.toString()).toBe('export{};');
  });

  it('never serves files outside the web root', async () => {
    const response = await rawRequest(server, { path: '/assets/..%2f..%2fetc%2fpasswd', headers: {} });
    expect(response.status).toBe(404);
  });
});

describe('Accept-Encoding', () => {
  it('honours q-values and the wildcard', () => {
    expect([...acceptedEncodings('gzip, br')]).toEqual(['gzip', 'br']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings('*')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('*, br;q=0')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
