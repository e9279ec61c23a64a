import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../app.js';
import { auditEvents } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { communityMember } from '../../../test/community-factories.js';
import { addTestMember, createTestTenant, signIn } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { addDays, japanDay } from '../activity/japan-days.js';
import { rollUpDays } from '../activity/rollup.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Member = { name: string; score: number; visits: number; posts: number; goingQuiet: boolean };
type Report = { members: Member[]; total: number; weights: Record<string, number>; goingQuiet: unknown };

/** Alumni with visits and posts on days ago (0: today, live), rolled up, and a signed-in HR admin. */
async function network(people: Record<string, { visits: number[]; posts: number[] }>) {
  const { tenant, slug, ownerEmail } = await createTestTenant(server);
  const today = japanDay(new Date());
  for (const [name, activity] of Object.entries(people)) {
    const { membership } = await addTestMember(server, tenant.id, 'alumnus', { displayName: name });
    await inTenant(server.deps.database.db, tenant.id, async (tx) => {
      for (const ago of activity.visits) {
        const day = addDays(today, -ago);
        await tx.execute(sql`insert into activity_events (tenant_id, membership_id, kind, occurred_at, day)
          values (${tenant.id}, ${membership.id}, 'visit', ${`${day}T12:00:00+09:00`}, ${day})`);
      }
      for (const ago of activity.posts) {
        await tx.execute(sql`insert into posts (tenant_id, author_id, body, body_html, created_at)
          values (${tenant.id}, ${membership.id}, 'p', 'p', ${`${addDays(today, -ago)}T12:00:00+09:00`})`);
      }
    });
  }
  await inTenant(server.deps.database.db, tenant.id, (tx) =>
    rollUpDays(tx, tenant.id, addDays(today, -120), addDays(today, -1)),
  );
  const admin = await addTestMember(server, tenant.id, 'admin');
  return { tenant, slug, ownerEmail, hr: await signIn(server, admin.email), adminId: admin.membership.id };
}

describe('the engagement score', () => {
  it('lists members by score with its ingredients, over the last 90 days, with today live', async () => {
    const net = await network({
      poster: { visits: [1, 2], posts: [1, 0] },
      reader: { visits: [0, 3, 5], posts: [] },
      quiet: { visits: [50], posts: [] },
      old: { visits: [95], posts: [95] },
    });
    const response = await net.hr.get<Report>(`/api/v1/t/${net.slug}/outcomes/engagement`);
    expect(response.status).toBe(200);
    const byName = Object.fromEntries(response.body.members.map((member) => [member.name, member]));
    expect(response.body.members.map((member) => member.name)).toEqual(['poster', 'reader', 'quiet', 'old']);
    expect(byName.poster).toMatchObject({ visits: 2, posts: 2, score: 2 * 1 + 2 * 5, goingQuiet: false });
    expect(byName.reader).toMatchObject({ visits: 3, posts: 0, score: 3 });
    // Fifty days ago is inside the 90-day score and the earlier going-quiet window alike.
    expect(byName.quiet).toMatchObject({ visits: 1, score: 1, goingQuiet: true });
    expect(byName.old).toMatchObject({ score: 0, goingQuiet: false });
    expect(response.body.total).toBe(4);
    expect(response.body.goingQuiet).toEqual({ value: null, hidden: true });

    const audit = await inTenant(server.deps.database.db, net.tenant.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.tenantId, net.tenant.id), eq(auditEvents.action, 'outcomes.viewed'))),
    );
    expect(audit.map((event) => (event.data as { section: string }).section)).toEqual(['engagement']);
  });

  it('takes the network’s own weights, audited, and refuses bad weights without changing them', async () => {
    const net = await network({ poster: { visits: [1], posts: [1] } });
    const base = `/api/v1/t/${net.slug}/outcomes/engagement`;
    const weights = { visits: 0, reads: 0, posts: 50, comments: 0, eventsAttended: 0, surveysAnswered: 0 };
    const saved = await net.hr.put(`${base}/weights`, { weights });
    expect(saved.status).toBe(200);
    const after = await net.hr.get<Report>(base);
    expect(after.body.weights).toEqual(weights);
    expect(after.body.members[0]!.score).toBe(50);
    for (const bad of [
      { weights: { ...weights, posts: -1 } },
      { weights: { ...weights, posts: 101 } },
      { weights: { ...weights, likes: 3 } },
      { weights: { visits: 1 } },
      {},
    ]) {
      expect((await net.hr.put(`${base}/weights`, bad)).status).toBe(422);
    }
    expect((await net.hr.get<Report>(base)).body.weights).toEqual(weights);
    const audit = await inTenant(server.deps.database.db, net.tenant.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.tenantId, net.tenant.id),
            eq(auditEvents.action, 'outcomes.engagement_weights_changed'),
          ),
        ),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toMatchObject({ before: { posts: 5 }, after: { posts: 50 } });
  });

  it('is for owners and HR admins only; another network sees nothing', async () => {
    const net = await network({ someone: { visits: [1], posts: [] } });
    const path = `/api/v1/t/${net.slug}/outcomes/engagement`;
    for (const role of ['alumnus', 'moderator', 'employee'] as const) {
      const member = await signIn(server, (await addTestMember(server, net.tenant.id, role)).email);
      expect((await member.get(path)).status).toBe(403);
      expect((await member.put(`${path}/weights`, { weights: {} })).status).toBe(403);
    }
    expect((await (await signIn(server, net.ownerEmail)).get(path)).status).toBe(200);
    const other = await createTestTenant(server);
    const stranger = await signIn(server, (await addTestMember(server, other.tenant.id, 'admin')).email);
    const seen = await stranger.get(path);
    expect(seen.status).toBe(404);
    expect(JSON.stringify(seen.body)).not.toContain('someone');
  });

  it('appears in no member-facing response: only the outcomes routes carry a score', async () => {
    const document = openApiDocument() as { paths: Record<string, unknown> };
    const carrying = Object.entries(document.paths)
      .filter(([, item]) => /MemberEngagement|EngagementReport|"score"/.test(JSON.stringify(item)))
      .map(([path]) => path);
    expect(carrying).toEqual(['/v1/t/{slug}/outcomes/engagement']);
    const net = await network({ someone: { visits: [1], posts: [1] } });
    const alumnus = await communityMember(server, { id: net.tenant.id, slug: net.slug });
    for (const path of ['community/me/profile', 'community/feed/suggestions', 'community/people']) {
      const response = await alumnus.client.get(`/api/v1/t/${net.slug}/${path}`);
      expect(JSON.stringify(response.body)).not.toMatch(/score|engagement|goingQuiet/i);
    }
  });
});
