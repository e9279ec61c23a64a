import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumniRecords, auditEvents, proposals, tenants } from '../../db/schema/index.js';
import { enterTenant, inTenant } from '../../db/scope.js';
import { addTestMember, signIn, tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { thisMonth } from './outcome-test-factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Count = { value: number | null; hidden: boolean };
type Figures = {
  rehires: { count: { current: Count; previous: Count }; medianDaysToReturn: { current: number | null } };
  proposals: { received: { current: number }; adopted: { current: number } };
  money: { perHireYen: number | null; savedYen: { current: number | null; previous: number | null } };
};

/** Comebacks returning on the given days of this month, each after `daysAway` days. */
async function comebacks(tenantId: string, daysAway: number[]) {
  const month = thisMonth();
  await server.deps.database.db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    for (const [index, days] of daysAway.entries()) {
      const back = new Date(`${month.from}T00:00:00Z`);
      const left = new Date(back.getTime() - days * 86_400_000);
      await tx.insert(alumniRecords).values({
        tenantId,
        familyName: `復帰${index}`,
        leftOn: left.toISOString().slice(0, 10),
        employmentStatus: 'rehired',
        rehiredOn: month.from,
      });
    }
  });
}

describe('outcome figures and money', () => {
  it('counts comebacks with their median time away, and proposals adopted', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const month = thisMonth();
    const url = `/api/v1/t/${staff.slug}/outcomes/figures?from=${month.from}&to=${month.to}`;
    await comebacks(staff.tenant.id, [100, 200, 300, 400]);
    const four = await staff.client.get<Figures>(url);
    expect(four.status).toBe(200);
    expect(four.body.rehires.count.current).toEqual({ value: null, hidden: true });
    expect(four.body.rehires.medianDaysToReturn.current).toBeNull();
    await comebacks(staff.tenant.id, [500]);
    const five = await staff.client.get<Figures>(url);
    expect(five.body.rehires.count.current).toEqual({ value: 5, hidden: false });
    expect(five.body.rehires.medianDaysToReturn.current).toBe(300);
    expect(five.body.rehires.count.previous).toEqual({ value: null, hidden: true });

    await server.deps.database.db.transaction(async (tx) => {
      await enterTenant(tx, staff.tenant.id);
      for (const status of ['adopted', 'adopted', 'declined'] as const)
        await tx.insert(proposals).values({
          tenantId: staff.tenant.id,
          authorId: staff.member.membership.id,
          title: '提言',
          body: '本文',
          status,
        });
    });
    const withProposals = await staff.client.get<Figures>(url);
    // Proposals are things, not people: shown however few.
    expect(withProposals.body.proposals).toMatchObject({ received: { current: 3 }, adopted: { current: 2 } });
  });

  it('multiplies comebacks by the cost per hire the network sets, audited, and shows it in the CSV', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const month = thisMonth();
    await comebacks(staff.tenant.id, [100, 200, 300, 400, 500, 600]);
    const setting = `/api/v1/t/${staff.slug}/outcomes/cost-per-hire`;
    const saved = await staff.client.put(setting, {
      costPerHire: { kind: 'agency_fee', percent: 35, annualSalaryYen: 6_000_000 },
    });
    expect(saved.status).toBe(200);
    const url = `/api/v1/t/${staff.slug}/outcomes/figures?from=${month.from}&to=${month.to}`;
    const figures = await staff.client.get<Figures>(url);
    expect(figures.body.money).toMatchObject({
      perHireYen: 2_100_000,
      savedYen: { current: 12_600_000, previous: null },
    });
    const csv = await staff.client.get<string>(
      `/api/v1/t/${staff.slug}/outcomes/figures/export?from=${month.from}&to=${month.to}`,
    );
    expect(csv.body).toContain('推定採用コスト削減額（円）,12600000,');
    expect(csv.body).toContain('再入社人数 × 年収 6,000,000 円 × 紹介手数料 35%（= 2,100,000 円）');
    expect(csv.body).toContain('再入社（カムバック）,6,5人未満');

    await staff.client.put(setting, { costPerHire: { kind: 'fixed', yen: 800_000 } });
    const fixed = await staff.client.get<Figures>(url);
    expect(fixed.body.money.savedYen.current).toBe(4_800_000);
    const other = await inTenant(server.deps.database.db, staff.tenant.id, async (tx) => {
      const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, staff.tenant.id));
      const changes = await tx
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.tenantId, staff.tenant.id), eq(auditEvents.action, 'tenant.settings_changed')),
        );
      return { settings: tenant!.settings, changes: changes.length };
    });
    expect(other.settings.costPerHire).toEqual({ kind: 'fixed', yen: 800_000 });
    expect(other.changes).toBe(2);
  });

  it('takes the setting only from HR of the network, and only when it makes sense', async () => {
    const staff = await tenantWithMember(server, 'owner');
    const setting = `/api/v1/t/${staff.slug}/outcomes/cost-per-hire`;
    const alumnus = await signIn(server, (await addTestMember(server, staff.tenant.id, 'alumnus')).email);
    const moderator = await signIn(server, (await addTestMember(server, staff.tenant.id, 'moderator')).email);
    const outsider = await tenantWithMember(server, 'owner');
    const body = { costPerHire: { kind: 'fixed', yen: 1_000_000 } };
    expect((await alumnus.put(setting, body)).status).toBe(403);
    expect((await moderator.put(setting, body)).status).toBe(403);
    expect((await outsider.client.put(setting, body)).status).toBe(404);
    const month = thisMonth();
    expect(
      (await alumnus.get(`/api/v1/t/${staff.slug}/outcomes/figures?from=${month.from}&to=${month.to}`))
        .status,
    ).toBe(403);
    const tooMuch = await staff.client.put<{ errors: { path: string }[] }>(setting, {
      costPerHire: { kind: 'agency_fee', percent: 150, annualSalaryYen: 5_000_000 },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.contentType).toContain('application/problem+json');
    expect(tooMuch.body.errors[0]?.path).toBe('costPerHire.percent');
    const plain = await staff.client.request('PUT', setting, {
      body: 'yen=1',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    const nul = await staff.client.put(setting, { costPerHire: { kind: 'fixed\u0000', yen: 1 } });
    expect(nul.status).toBe(422);
    const stored = await inTenant(server.deps.database.db, staff.tenant.id, (tx) =>
      tx.select().from(tenants).where(eq(tenants.id, staff.tenant.id)),
    );
    expect(stored[0]?.settings.costPerHire).toBeUndefined();
  });
});
