import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { AppError } from '../errors.js';
import {
  enforceRateLimit,
  enforceRateLimits,
  millisecondsUntilAdmitted,
  type RateRule,
} from './rate-limit.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const rule: RateRule = { limit: 3, windowSeconds: 60 };
const windowMs = rule.windowSeconds * 1000;
// A window boundary (multiples of the window since the epoch), so the tests say where in a window they are.
const start = Math.ceil(Date.UTC(2026, 0, 5, 9) / windowMs) * windowMs;

/** The Retry-After seconds of a refusal, or null when the request was admitted. */
async function attempt(key: string, at: number, limits: RateRule = rule): Promise<number | null> {
  try {
    await enforceRateLimit(server.deps.database.db, key, limits, at);
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 429) throw error;
    return Number(error.headers['retry-after']);
  }
}

describe('rate-limit windows', () => {
  it('admits the limit, refuses the next, and does not count refusals against the client', async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 3; i += 1) expect(await attempt(key, start + 1000 + i)).toBeNull();
    // The rest of this window, then a third of the next, until the three hits weigh two.
    expect(await attempt(key, start + 2000)).toBe(58 + 20);
    // Hammering while refused changes nothing: the same wait, and the same moment of recovery.
    for (let i = 0; i < 20; i += 1) expect(await attempt(key, start + 2000)).toBe(78);
    expect(await attempt(key, start + 30_000)).toBe(50);
    expect(await attempt(key, start + 80_000 - 1)).not.toBeNull();
    expect(await attempt(key, start + 80_000)).toBeNull();
  });

  it('Retry-After is the real wait: a second earlier is refused, honouring it succeeds', async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 3; i += 1) expect(await attempt(key, start + 10_000)).toBeNull();
    const refusedAt = start + 20_000;
    const wait = (await attempt(key, refusedAt))!;
    // In the next window the three hits still weigh 3 × (1 − elapsed/window): one more fits at a third.
    expect(wait).toBe(40 + 20);
    expect(await attempt(key, refusedAt + wait * 1000 - 1)).not.toBeNull();
    expect(await attempt(key, refusedAt + wait * 1000)).toBeNull();
    // Recovered, the client gets the budget the sliding window allows and no more.
    const recoveredAt = refusedAt + wait * 1000;
    expect(await attempt(key, recoveredAt)).not.toBeNull();
    expect(await attempt(key, recoveredAt + windowMs)).toBeNull();
    expect(await attempt(key, recoveredAt + windowMs)).toBeNull();
    expect(await attempt(key, recoveredAt + windowMs)).not.toBeNull();
  });

  it('at a window boundary the previous window still counts, then fades', async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 3; i += 1) expect(await attempt(key, start + windowMs - 1)).toBeNull();
    const wait = await attempt(key, start + windowMs);
    expect(wait).toBe(20);
    expect(await attempt(key, start + windowMs + 20_000 - 1)).not.toBeNull();
    expect(await attempt(key, start + windowMs + 20_000)).toBeNull();
  });

  it('wherever in a window the refusal falls, waiting Retry-After is enough and a second less is not', async () => {
    const limits: RateRule = { limit: 5, windowSeconds: 10 };
    const base = start + 100 * 10_000;
    for (const [previousHits, offsetMs] of [
      [5, 0],
      [5, 2_345],
      [3, 7_001],
      [1, 9_999],
      [0, 4_000],
    ] as const) {
      const key = `test:${randomUUID()}`;
      for (let i = 0; i < previousHits; i += 1) expect(await attempt(key, base - 5_000, limits)).toBeNull();
      const at = base + offsetMs;
      let wait = await attempt(key, at, limits);
      while (wait === null) wait = await attempt(key, at, limits);
      expect(wait).toBeGreaterThan(0);
      if (wait > 1) expect(await attempt(key, at + (wait - 1) * 1000, limits)).not.toBeNull();
      expect(await attempt(key, at + wait * 1000, limits)).toBeNull();
    }
  });

  it('computes the wait exactly from the counts', () => {
    const limits: RateRule = { limit: 3, windowSeconds: 60 };
    expect(millisecondsUntilAdmitted({ current: 0, previous: 0 }, limits, 0)).toBe(0);
    expect(millisecondsUntilAdmitted({ current: 0, previous: 3 }, limits, 0)).toBe(20_000);
    expect(millisecondsUntilAdmitted({ current: 2, previous: 3 }, limits, 0)).toBe(60_000);
    expect(millisecondsUntilAdmitted({ current: 3, previous: 0 }, limits, 59_000)).toBe(1_000 + 20_000);
    expect(millisecondsUntilAdmitted({ current: 1, previous: 0 }, { limit: 1, windowSeconds: 60 }, 0)).toBe(
      120_000,
    );
  });

  it('several limits on one request count together or not at all', async () => {
    const address = `test:${randomUUID()}`;
    const email = `test:${randomUUID()}`;
    const both = [
      { key: address, rule: { limit: 5, windowSeconds: 60 } },
      { key: email, rule: { limit: 1, windowSeconds: 60 } },
    ];
    await enforceRateLimits(server.deps.database.db, both, start + 1000);
    for (let i = 0; i < 5; i += 1) {
      await expect(enforceRateLimits(server.deps.database.db, both, start + 2000)).rejects.toThrow(
        'rate_limited',
      );
    }
    // The refusals by the e-mail limit left the address limit untouched: four more fit.
    for (let i = 0; i < 4; i += 1) expect(await attempt(address, start + 3000, both[0]!.rule)).toBeNull();
    expect(await attempt(address, start + 3000, both[0]!.rule)).not.toBeNull();
  });
});
