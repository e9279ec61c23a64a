import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw.js';
import { inTenant } from '../../db/scope.js';
import { communityMember } from '../../test/community-factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { todayInTokyo } from './dates.js';
import { type Member, network, type Problem } from './opportunity-test-factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Page = {
  opportunities: (Member & { closesOn: string | null; bodyHtml?: string })[];
  nextCursor: string | null;
};

describe('the member tab, a page at a time', () => {
  it('pages through every opportunity meant for the member once, in order, for both sorts', async () => {
    const net = await network(server);
    const member = await communityMember(server, net);
    const today = todayInTokyo();
    // 40 open ones: openings that tie in pairs, closing dates that tie or are absent, and every third
    // meant only for would-return members (this member is not one), which the pages must skip.
    const seeded = await inTenant(server.deps.database.db, net.id, (tx) =>
      queryRows<{ id: string; title: string; closes_on: string | null; opened_at: number; meant: boolean }>(
        tx,
        sql`insert into opportunities (tenant_id, kind, status, title, body, body_html, contact_name, closes_on,
            audience, created_by, opened_at)
          select ${net.id}, 'job', 'open', '募集 ' || i, '本文', '<p>本文</p>', '人事 一郎',
            case when i % 4 = 0 then null else ${today}::date + (i % 5) end,
            case when i % 3 = 0 then '{"wouldReturn": true}'::jsonb end,
            ${net.hrId}, now() - make_interval(hours => i / 2)
          from generate_series(1, 40) i
          returning id, title, closes_on::text, (extract(epoch from opened_at) * 1000)::float8 as opened_at,
            audience is null as meant`,
      ),
    );
    const meant = seeded.filter((row) => row.meant);
    const newest = [...meant].sort((a, b) => b.opened_at - a.opened_at || a.id.localeCompare(b.id));
    const closing = [...meant].sort(
      (a, b) =>
        (a.closes_on ?? '9999').localeCompare(b.closes_on ?? '9999') ||
        b.opened_at - a.opened_at ||
        a.id.localeCompare(b.id),
    );

    const walk = async (sort: string) => {
      const seen: Page['opportunities'] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `?sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await member.client.get<Page>(`/api/v1/t/${net.slug}/community/opportunities${query}`);
        expect(page.status).toBe(200);
        expect(page.body.opportunities.length).toBeLessThanOrEqual(4);
        seen.push(...page.body.opportunities);
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      return { seen, pages };
    };
    const byNewest = await walk('newest');
    expect(byNewest.seen.map((o) => o.id)).toEqual(newest.map((row) => row.id));
    expect(byNewest.pages).toBe(Math.ceil(meant.length / 4));
    const byClosing = await walk('closing');
    expect(byClosing.seen.map((o) => o.id)).toEqual(closing.map((row) => row.id));
    expect(byClosing.seen.at(-1)?.closesOn).toBeNull();
    // The list carries no article text: that is for the opportunity's own page.
    expect(byNewest.seen.every((o) => o.bodyHtml === undefined)).toBe(true);
  });

  it('refuses a cursor it did not give and a page size out of range, in the member’s language', async () => {
    const net = await network(server);
    const member = await communityMember(server, net);
    const base = `/api/v1/t/${net.slug}/community/opportunities`;
    const forged = Buffer.from(JSON.stringify(['x', 'y', 'z'])).toString('base64url');
    for (const query of [
      `?cursor=${forged}`,
      '?cursor=%00',
      '?cursor=not-a-cursor',
      '?limit=0',
      '?limit=51',
    ]) {
      const refused = await member.client.get<Problem>(`${base}${query}`);
      expect(refused.status, query).toBe(422);
      expect(refused.body.title).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
  });
});
