import type { TestServer } from './harness.js';

export type JsonResponse<T = Record<string, unknown>> = {
  status: number;
  headers: Headers;
  body: T;
  contentType: string;
};

/**
 * A browser-like HTTP client: keeps cookies and sends the CSRF header the way the web app does.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly server: Pick<TestServer, 'baseUrl'>,
    readonly options: { language?: string; csrf?: boolean } = {},
  ) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    init: { json?: unknown; body?: string | Blob; headers?: Record<string, string> } = {},
  ): Promise<JsonResponse<T>> {
    if (method !== 'GET' && !this.cookies.has('enishi_csrf') && this.options.csrf !== false) {
      await this.request('GET', '/api/v1/session');
    }
    const headers: Record<string, string> = {
      'accept-language': this.options.language ?? 'ja',
      ...init.headers,
    };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const csrf = this.cookies.get('enishi_csrf');
    if (csrf && this.options.csrf !== false && !('x-csrf-token' in headers)) headers['x-csrf-token'] = csrf;
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.server.baseUrl}${path}`, {
      method,
      headers,
      body,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', ...value] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const parsed = contentType.includes('json') && text ? (JSON.parse(text) as T) : (text as unknown as T);
    return { status: response.status, headers: response.headers, body: parsed, contentType };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, json?: unknown) {
    return this.request<T>('POST', path, { json: json ?? {} });
  }
  patch<T = Record<string, unknown>>(path: string, json: unknown) {
    return this.request<T>('PATCH', path, { json });
  }
  upload<T = Record<string, unknown>>(path: string, bytes: Uint8Array) {
    return this.request<T>('POST', path, {
      body: new Blob([new Uint8Array(bytes)]),
      headers: { 'content-type': 'application/octet-stream' },
    });
  }
  put<T = Record<string, unknown>>(path: string, json: unknown) {
    return this.request<T>('PUT', path, { json });
  }
  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>('DELETE', path);
  }
}
