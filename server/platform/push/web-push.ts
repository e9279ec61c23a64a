import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Config } from '../../config.js';
import type { AppDatabase } from '../../db/client.js';
import { instanceSecrets } from '../../db/schema/index.js';

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
/** What the service worker shows: the network's name, one line, and where a tap leads. */
export type PushPayload = { title: string; body: string; url: string; tag: string };
export type PushOutcome = 'delivered' | 'gone' | 'refused';

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and payload encryption (RFC 8291). The web-push library
 * does the cryptography; the request itself goes out through fetch, to allowed push services only.
 */
export class WebPush {
  readonly publicKey: string;
  readonly #privateKey: string;
  readonly #subject: string;
  readonly #services: string[];

  constructor(keys: { publicKey: string; privateKey: string }, subject: string, services: string[]) {
    this.publicKey = keys.publicKey;
    this.#privateKey = keys.privateKey;
    this.#subject = subject;
    this.#services = services;
  }

  /** Whether an endpoint belongs to a push service we post to (exact origin, or `https://*.host`). */
  allows(endpoint: string): boolean {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      return false;
    }
    if (url.username || url.password) return false;
    return this.#services.some((service) => {
      const wildcard = /^(https?:)\/\/\*\.(.+)$/.exec(service);
      if (wildcard) return url.protocol === wildcard[1] && url.hostname.endsWith(`.${wildcard[2]}`);
      return url.origin === service;
    });
  }

  /**
   * Sends one message. A push service that says the subscription is gone (404/410) or will never take
   * it (other 4xx) gets no retry; a busy or failing one (429, 5xx, network) throws so the job retries.
   */
  async deliver(target: PushTarget, payload: PushPayload): Promise<PushOutcome> {
    if (!this.allows(target.endpoint)) return 'refused';
    const details = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: { subject: this.#subject, publicKey: this.publicKey, privateKey: this.#privateKey },
        TTL: 24 * 60 * 60,
        urgency: 'normal',
      },
    );
    const headers = Object.fromEntries(
      Object.entries(details.headers)
        .filter(([name]) => name.toLowerCase() !== 'content-length')
        .map(([name, value]) => [name, String(value)]),
    );
    const response = await fetch(details.endpoint, {
      method: details.method,
      headers,
      body: details.body ? new Uint8Array(details.body) : null,
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    if (response.ok) return 'delivered';
    if (response.status === 404 || response.status === 410) return 'gone';
    if (response.status === 429 || response.status >= 500) {
      throw new Error(`push service answered ${response.status}`);
    }
    return 'refused';
  }
}

const VAPID_KEY = 'vapid';

/**
 * The VAPID key pair: from the environment, else the one this instance made on its first start (kept in
 * the database, so every instance and every restart signs with the same key and subscriptions stay valid).
 */
export async function loadWebPush(config: Config, db: AppDatabase): Promise<WebPush> {
  const keys = config.vapid ?? (await storedVapidKeys(db));
  return new WebPush(keys, config.vapidSubject, config.pushServices);
}

async function storedVapidKeys(db: AppDatabase) {
  const read = async () => {
    const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.key, VAPID_KEY));
    return row?.value.publicKey && row.value.privateKey
      ? { publicKey: row.value.publicKey, privateKey: row.value.privateKey }
      : null;
  };
  const existing = await read();
  if (existing) return existing;
  const made = webpush.generateVAPIDKeys();
  // Two instances starting at once: the first insert wins and both read it back.
  await db
    .insert(instanceSecrets)
    .values({ key: VAPID_KEY, value: { publicKey: made.publicKey, privateKey: made.privateKey } })
    .onConflictDoNothing();
  const stored = await read();
  if (!stored) throw new Error('could not store the VAPID key pair');
  return stored;
}
