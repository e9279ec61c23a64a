import { and, count, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumniRecords, auditEvents, invitations } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { addTestMember, signIn, tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { DAY, dataset, seedRecords, thisMonth } from './outcome-test-factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Count = { value: number | null; hidden: boolean };
type Funnel = {
  period: { current: { from: string; to: string }; previous: { from: string; to: string } };
  steps: { step: string; current: Count; previous: Count; conversion: { current: number | null } }[];
  breakdown: { by: string; rows: { cohort: string | null; current: Record<string, Count> }[] } | null;
  sources: { source: string; invited: { current: Count }; joined: { current: Count } }[];
  cohorts: { leftYears: number[]; departments: string[]; leaveReasons: string[] };
};

const funnelUrl = (slug: string, query: Record<string, string>) =>
  `/api/v1/t/${slug}/outcomes/funnel?${new URLSearchParams(query)}`;

describe('the outcomes funnel', () => {
  it('counts each step as the registry and membership tables do, hiding groups under five people', async () => {
    const staff = await tenantWithMember(server, 'admin');
    await seedRecords(server, staff.tenant.id, dataset);
    const month = thisMonth();
    const answer = await staff.client.get<Funnel>(funnelUrl(staff.slug, { from: month.from, to: month.to }));
    expect(answer.status).toBe(200);
    const direct = await inTenant(server.deps.database.db, staff.tenant.id, async (tx) => {
      const where = eq(alumniRecords.tenantId, staff.tenant.id);
      const [records] = await tx.select({ n: count() }).from(alumniRecords).where(where);
      const [consent] = await tx
        .select({ n: count() })
        .from(alumniRecords)
        .where(and(where, eq(alumniRecords.contactConsent, 'granted')));
      const invited = await tx
        .selectDistinct({ id: invitations.recordId })
        .from(invitations)
        .where(eq(invitations.tenantId, staff.tenant.id));
      const [joined] = await tx
        .select({ n: count() })
        .from(alumniRecords)
        .where(and(where, isNotNull(alumniRecords.membershipId)));
      return { records: records!.n, consent: consent!.n, invited: invited.length, joined: joined!.n };
    });
    expect(direct).toEqual({ records: 12, consent: 11, invited: 10, joined: 9 });
    const current = Object.fromEntries(answer.body.steps.map((s) => [s.step, s.current.value]));
    expect(current).toEqual({ ...direct, active: 9 });
    expect(answer.body.steps.find((s) => s.step === 'joined')?.conversion.current).toBe(0.9);

    // The month before: the record added this month is not there yet, and nobody had been seen.
    const previous = Object.fromEntries(answer.body.steps.map((s) => [s.step, s.previous]));
    expect(previous.records).toEqual({ value: 11, hidden: false });
    expect(previous.consent).toEqual({ value: 10, hidden: false });
    expect(previous.active).toEqual({ value: null, hidden: true });
    expect(answer.body.cohorts).toEqual({
      leftYears: [2021, 2019],
      departments: ['営業部', '開発部'],
      leaveReasons: ['career_change', 'study'],
    });

    // By leaving year: 2019 shows, 2021's four people are hidden at every step.
    const byYear = await staff.client.get<Funnel>(
      funnelUrl(staff.slug, { from: month.from, to: month.to, by: 'leftYear' }),
    );
    const rows = Object.fromEntries(byYear.body.breakdown!.rows.map((row) => [row.cohort, row.current]));
    expect(rows['2019']?.records).toEqual({ value: 8, hidden: false });
    expect(rows['2019']?.joined).toEqual({ value: 5, hidden: false });
    expect(rows['2021']?.records).toEqual({ value: null, hidden: true });
    expect(rows['2021']?.joined).toEqual({ value: null, hidden: true });

    // One cohort filtered: 2019 sales who left for another company.
    const sales = await staff.client.get<Funnel>(
      funnelUrl(staff.slug, {
        from: month.from,
        to: month.to,
        department: '営業部',
        leaveReason: 'career_change',
      }),
    );
    expect(sales.body.steps.map((s) => s.current.value)).toEqual([8, 7, 6, 5, 5]);
    const filtered = await staff.client.get<Funnel>(
      funnelUrl(staff.slug, { from: month.from, to: month.to, leftYear: '2021' }),
    );
    expect(filtered.body.steps.every((s) => s.current.hidden)).toBe(true);
    expect(sales.body.sources.find((s) => s.source === 'staff')?.invited.current).toEqual({
      value: null,
      hidden: true,
    }); // sent 60 days ago: none this month
  });

  it('never counts another network, and its staff and this network’s members see nothing', async () => {
    const staff = await tenantWithMember(server, 'owner');
    const other = await tenantWithMember(server, 'admin');
    await seedRecords(server, other.tenant.id, dataset);
    const month = thisMonth();
    const query = { from: month.from, to: month.to };
    const mine = await staff.client.get<Funnel>(funnelUrl(staff.slug, query));
    expect(mine.status).toBe(200);
    expect(mine.body.steps.every((s) => s.current.hidden)).toBe(true);
    expect(mine.body.cohorts.departments).toEqual([]);
    const intruder = await other.client.get(funnelUrl(staff.slug, query));
    expect(intruder.status).toBe(404);
    for (const role of ['alumnus', 'moderator', 'employee'] as const) {
      const member = await addTestMember(server, staff.tenant.id, role);
      const client = await signIn(server, member.email);
      const refused = await client.get(funnelUrl(staff.slug, query));
      expect(refused.status, role).toBe(403);
      expect(JSON.stringify(refused.body)).not.toContain('records');
    }
  });

  it('refuses a bad period in the reader’s language and writes nothing', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const english = await signIn(server, staff.member.email);
    english.cookies.set('enishi_lang', 'en');
    const reversed = await staff.client.get<{ errors: { path: string; message: string }[] }>(
      funnelUrl(staff.slug, { from: '2026-12-01', to: '2026-11-01' }),
    );
    expect(reversed.status).toBe(422);
    expect(reversed.contentType).toContain('application/problem+json');
    expect(reversed.body.errors).toEqual([
      expect.objectContaining({ path: 'to', message: '終了日は開始日より後の日付にしてください。' }),
    ]);
    const unreal = await english.get<{ errors: { path: string; message: string }[] }>(
      funnelUrl(staff.slug, { from: '2026-02-30', to: '2026-03-01' }),
    );
    expect(unreal.status).toBe(422);
    expect(unreal.body.errors[0]).toMatchObject({ path: 'from', message: 'Give a real date as 2026-04-01.' });
    const tooLong = await english.get<{ errors: { message: string }[] }>(
      funnelUrl(staff.slug, { from: '2020-01-01', to: '2026-01-01' }),
    );
    expect(tooLong.body.errors[0]?.message).toBe('The period can be at most 3 years long.');
    const nul = await english.get(funnelUrl(staff.slug, { from: '2026-01-01\u0000', to: '2026-02-01' }));
    expect(nul.status).toBe(422);
    const views = await inTenant(server.deps.database.db, staff.tenant.id, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.action, 'outcomes.viewed')),
    );
    expect(views).toEqual([]);
  });

  it('logs each view and export with its section, period and cohort; the CSV matches the JSON', async () => {
    const staff = await tenantWithMember(server, 'admin');
    await seedRecords(server, staff.tenant.id, dataset);
    const month = thisMonth();
    const query = { from: month.from, to: month.to, leftYear: '2019' };
    const json = await staff.client.get<Funnel>(funnelUrl(staff.slug, query));
    const csv = await staff.client.get<string>(
      `/api/v1/t/${staff.slug}/outcomes/funnel/export?${new URLSearchParams({ ...query, by: 'leftYear' })}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('区分,項目,今期間,前期間,今期間の転換率,前期間の転換率');
    const records = json.body.steps.find((s) => s.step === 'records')!;
    expect(lines).toContain(`ファネル,退職者記録,${records.current.value},${records.previous.value},,`);
    expect(lines).toContain('ファネル,アクティブ（期末の 30 日間）,5,5人未満,100%,');
    expect(lines.some((line) => line.startsWith('退職年: 2019,参加,5,'))).toBe(true);
    const logged = await inTenant(server.deps.database.db, staff.tenant.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.tenantId, staff.tenant.id),
            inArray(auditEvents.action, ['outcomes.viewed', 'outcomes.exported']),
            lt(auditEvents.createdAt, new Date(Date.now() + DAY)),
          ),
        )
        .orderBy(auditEvents.createdAt),
    );
    expect(logged.map((row) => [row.action, row.data])).toEqual([
      [
        'outcomes.viewed',
        expect.objectContaining({ section: 'funnel', from: month.from, to: month.to, leftYear: 2019 }),
      ],
      [
        'outcomes.exported',
        expect.objectContaining({
          section: 'funnel',
          from: month.from,
          leftYear: 2019,
          by: 'leftYear',
          encoding: 'utf8',
        }),
      ],
    ]);
  });
});
