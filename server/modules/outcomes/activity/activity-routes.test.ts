import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { addTestMember, createTestTenant, signIn } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { countPeople } from '../privacy.js';
import { activityRows } from './activity-export.js';
import { type GeneratedActivity, writeRandomActivity } from './activity-fixtures.js';
import type { ActivityReport } from './activity-schemas.js';
import { addDays, japanDay } from './japan-days.js';
import { rollUpDays } from './rollup.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Figures = Record<string, { value: number | null; hidden: boolean } | number>;
type Report = { current: Figures; previous: Figures; weeks: { from: string; posts: number }[] };

/** A network whose alumni were active over the last six days, the first five rolled up and today live. */
async function activeNetwork(seed: number, alumni = 7) {
  const created = await createTestTenant(server);
  const tenantId = created.tenant.id;
  const members: string[] = [];
  for (let i = 0; i < alumni; i += 1)
    members.push((await addTestMember(server, tenantId, 'alumnus')).membership.id);
  const admin = await addTestMember(server, tenantId, 'admin');
  const today = japanDay(new Date());
  const firstDay = addDays(today, -5);
  const generated = await inTenant(server.deps.database.db, tenantId, async (tx) => {
    const written = await writeRandomActivity(tx, {
      tenantId,
      members,
      staffId: admin.membership.id,
      firstDay,
      days: 6,
      seed,
    });
    await rollUpDays(tx, tenantId, firstDay, addDays(today, -1));
    return written;
  });
  return { ...created, tenantId, admin, firstDay, today, generated, hr: await signIn(server, admin.email) };
}

const distinct = (entries: GeneratedActivity) => new Set(entries.map((entry) => entry.membershipId)).size;
const countOf = (entries: GeneratedActivity, column: string) =>
  entries.filter((entry) => entry.column === column).length;

describe('GET /t/{slug}/outcomes/activity', () => {
  it('answers the rolled-up days and today live, equal to a direct count, and logs the view', async () => {
    const net = await activeNetwork(3);
    const response = await net.hr.get<Report>(
      `/api/v1/t/${net.slug}/outcomes/activity?from=${net.firstDay}&to=${addDays(net.today, 1)}`,
    );
    expect(response.status).toBe(200);
    const { current, previous, weeks } = response.body;
    const posters = new Set(
      net.generated
        .filter((entry) => entry.column === 'posts' || entry.column === 'comments')
        .map((entry) => entry.membershipId),
    );
    const active = new Set(net.generated.map((entry) => entry.membershipId));
    expect(current.activeMembers).toEqual(countPeople(distinct(net.generated)));
    expect(current.weeklyActive).toEqual(countPeople(distinct(net.generated)));
    expect(current.monthlyActive).toEqual(countPeople(distinct(net.generated)));
    expect(current.readersOnly).toEqual(countPeople([...active].filter((id) => !posters.has(id)).length));
    expect(current.posts).toBe(countOf(net.generated, 'posts'));
    expect(current.comments).toBe(countOf(net.generated, 'comments'));
    expect(current.messages).toBe(countOf(net.generated, 'messages'));
    expect(current.reactions).toBe(countOf(net.generated, 'reactions'));
    expect(current.articleReads).toBe(countOf(net.generated, 'reads'));
    expect(previous.activeMembers).toEqual({ value: null, hidden: true });
    expect(previous.posts).toBe(0);
    expect(weeks.map((week) => week.from)).toEqual([net.firstDay]);
    expect(weeks[0]!.posts).toBe(countOf(net.generated, 'posts'));

    const audit = await inTenant(server.deps.database.db, net.tenantId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.tenantId, net.tenantId), eq(auditEvents.action, 'outcomes.viewed'))),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorMembershipId).toBe(net.admin.membership.id);
    expect(audit[0]!.data).toMatchObject({ section: 'activity', from: net.firstDay });
  });

  it('hides counts of fewer than 5 people and shows counts of things', async () => {
    const net = await activeNetwork(8, 3);
    const response = await net.hr.get<Report>(
      `/api/v1/t/${net.slug}/outcomes/activity?from=${net.firstDay}&to=${addDays(net.today, 1)}`,
    );
    expect(response.status).toBe(200);
    for (const key of ['activeMembers', 'weeklyActive', 'monthlyActive', 'readersOnly', 'digestReach']) {
      expect(response.body.current[key]).toEqual({ value: null, hidden: true });
    }
    expect(response.body.current.posts).toBe(countOf(net.generated, 'posts'));
  });

  it('is for owners and HR admins only, and another network sees nothing', async () => {
    const net = await activeNetwork(4);
    const path = `/api/v1/t/${net.slug}/outcomes/activity?from=${net.firstDay}&to=${addDays(net.today, 1)}`;
    for (const role of ['alumnus', 'moderator', 'employee'] as const) {
      const member = await addTestMember(server, net.tenantId, role);
      const response = await (await signIn(server, member.email)).get(path);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const owner = await signIn(server, net.ownerEmail);
    expect((await owner.get(path)).status).toBe(200);
    const stranger = await createTestTenant(server);
    const strangerAdmin = await addTestMember(server, stranger.tenant.id, 'admin');
    const response = await (await signIn(server, strangerAdmin.email)).get(path);
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain('activeMembers');
  });

  it('downloads the figures on screen as CSV, people under 5 hidden, and logs the export', async () => {
    const net = await activeNetwork(6);
    const query = `from=${net.firstDay}&to=${addDays(net.today, 1)}`;
    const json = await net.hr.get<Report>(`/api/v1/t/${net.slug}/outcomes/activity?${query}`);
    const csv = await net.hr.get<string>(`/api/v1/t/${net.slug}/outcomes/activity/export?${query}`);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(`outcomes-activity-${net.firstDay}.csv`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('区分,項目,今期間,前期間');
    const { current } = json.body;
    const people = (key: string) => (current[key] as { value: number }).value;
    expect(lines).toContain(`活動,アクティブ会員数,${people('activeMembers')},5人未満`);
    expect(lines).toContain(`活動,月間アクティブ会員数（期末の 30 日間）,${people('monthlyActive')},5人未満`);
    expect(lines).toContain(`活動,投稿数,${current.posts},0`);
    expect(lines).toContain(`活動,メッセージ数,${current.messages},0`);
    expect(lines).toContain(`週ごと,${net.firstDay} からの週: 投稿数,${json.body.weeks[0]!.posts},`);
    // 16 measures and 4 weekly figures for the one week.
    expect(lines).toHaveLength(1 + 16 + 4);

    const sjis = await net.hr.get<string>(
      `/api/v1/t/${net.slug}/outcomes/activity/export?${query}&encoding=cp932`,
    );
    expect(sjis.status).toBe(200);
    expect(sjis.contentType).toBe('text/csv; charset=Shift_JIS');
    expect(sjis.headers.get('content-disposition')).toContain(`outcomes-activity-${net.firstDay}-sjis.csv`);
    const english = activityRows(json.body as unknown as ActivityReport, 'en').map((row) => row.cells);
    expect(english[0]).toEqual(['Activity', 'Active members', people('activeMembers'), 'Fewer than 5']);

    const exports = await inTenant(server.deps.database.db, net.tenantId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.tenantId, net.tenantId), eq(auditEvents.action, 'outcomes.exported'))),
    );
    expect(exports.map((row) => row.data)).toEqual([
      expect.objectContaining({ section: 'activity', from: net.firstDay, rows: 20, encoding: 'utf8' }),
      expect.objectContaining({ section: 'activity', from: net.firstDay, rows: 20, encoding: 'cp932' }),
    ]);
  });

  it('gives the CSV to owners and HR admins only, never to another network, and checks the period', async () => {
    const net = await activeNetwork(7);
    const path = `/api/v1/t/${net.slug}/outcomes/activity/export?from=${net.firstDay}&to=${addDays(net.today, 1)}`;
    for (const role of ['alumnus', 'moderator', 'employee'] as const) {
      const member = await addTestMember(server, net.tenantId, role);
      const response = await (await signIn(server, member.email)).get(path);
      expect(response.status).toBe(403);
      expect(response.contentType).toContain('application/problem+json');
    }
    expect((await (await signIn(server, net.ownerEmail)).get(path)).status).toBe(200);
    const stranger = await createTestTenant(server);
    const strangerAdmin = await addTestMember(server, stranger.tenant.id, 'admin');
    const outsider = await (await signIn(server, strangerAdmin.email)).get<string>(path);
    expect(outsider.status).toBe(404);
    expect(String(outsider.body)).not.toContain('アクティブ会員数');
    const base = `/api/v1/t/${net.slug}/outcomes/activity/export`;
    const reversed = await net.hr.get(`${base}?from=2026-03-01&to=2026-02-01`);
    expect(reversed.status).toBe(422);
    expect(reversed.contentType).toContain('application/problem+json');
    expect((await net.hr.get(`${base}?from=2026-02-01&to=2026-03-01&encoding=latin1`)).status).toBe(422);
    const logged = await inTenant(server.deps.database.db, net.tenantId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.tenantId, net.tenantId), eq(auditEvents.action, 'outcomes.exported'))),
    );
    // Only the owner's download: refused and rejected requests export nothing.
    expect(logged).toHaveLength(1);
  });

  it('refuses days that do not exist, a reversed period and missing days, in the reader’s language', async () => {
    const net = await activeNetwork(5, 1);
    const base = `/api/v1/t/${net.slug}/outcomes/activity`;
    const wrong = await net.hr.get<{ detail: string }>(`${base}?from=2026-02-30&to=2026-03-01`);
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toContain('実在する日付');
    expect((await net.hr.get(`${base}?from=2026-03-01&to=2026-02-01`)).status).toBe(422);
    expect((await net.hr.get(`${base}?from=2026-03-01`)).status).toBe(422);
    expect((await net.hr.get(`${base}?from=2026-03-01%00&to=2026-04-01`)).status).toBe(422);
  });
});
