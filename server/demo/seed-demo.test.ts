import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../test/factories.js';
import { startTestServer, type TestServer } from '../test/harness.js';
import { demoAlumni } from './people.js';
import { DEMO_ADMIN_EMAIL, DEMO_SLUG, seedDemo } from './seed-demo.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('demo network', () => {
  it('seeds once: HR sees the registry, and a demo alumnus lands in a community with people and hashtags', async () => {
    expect(await seedDemo(server.deps.database.db)).toBe(true);
    expect(await seedDemo(server.deps.database.db)).toBe(false);

    const hr = await signIn(server, DEMO_ADMIN_EMAIL);
    const records = await hr.get<{ total: number }>(`/api/v1/t/${DEMO_SLUG}/registry/records?limit=1`);
    expect(records.body.total).toBe(200);

    const alumnus = await signIn(server, demoAlumni()[0]!.email);
    const me = await alumnus.get<{ profile: { onboarded: boolean; hashtags: unknown[] } }>(
      `/api/v1/t/${DEMO_SLUG}/community/me`,
    );
    expect(me.body.profile.onboarded).toBe(true);
    expect(me.body.profile.hashtags.length).toBeGreaterThan(0);
    const people = await alumnus.get<{ people: unknown[]; nextCursor: string | null }>(
      `/api/v1/t/${DEMO_SLUG}/community/people?limit=100`,
    );
    expect(people.body.people).toHaveLength(100);
    expect(people.body.nextCursor).not.toBeNull();
    const tag = await alumnus.get<{ people: unknown[]; followers: number }>(
      `/api/v1/t/${DEMO_SLUG}/community/hashtags/${encodeURIComponent('起業')}`,
    );
    expect(tag.body.people.length).toBeGreaterThan(0);
    expect(tag.body.followers).toBeGreaterThan(0);
    const feed = await alumnus.get<{ pinned: { kind: string }[]; posts: { bodyHtml: string }[] }>(
      `/api/v1/t/${DEMO_SLUG}/community/feed`,
    );
    expect(feed.body.pinned).toMatchObject([{ kind: 'announcement' }]);
    expect(feed.body.posts.length).toBeGreaterThan(0);
    const groups = await alumnus.get<{ groups: unknown[] }>(
      `/api/v1/t/${DEMO_SLUG}/community/groups?scope=mine`,
    );
    expect(groups.body.groups.length).toBeGreaterThan(0);
    const found = await alumnus.get<{ people: { displayName: string }[] }>(
      `/api/v1/t/${DEMO_SLUG}/community/people?q=${encodeURIComponent('たかはし')}`,
    );
    expect(found.body.people.length).toBeGreaterThan(0);
    expect(found.body.people.every((p) => /高橋|髙橋/.test(p.displayName))).toBe(true);
  });
});
