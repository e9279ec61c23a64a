import { randomBytes } from 'node:crypto';
import { alumniRecords, invitations, type LeaveReason } from '../../db/schema/index.js';
import { enterTenant } from '../../db/scope.js';
import { addTestMember } from '../../test/factories.js';
import type { TestServer } from '../../test/harness.js';
import { recordActivity } from './activity/record-activity.js';

export const DAY = 86_400_000;
const tokyoDay = (date: Date) => new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
/** This month in Japan (the period running now) and the moment it began. */
export function thisMonth(now = new Date()) {
  const [year, month] = tokyoDay(now).split('-').map(Number) as [number, number];
  const iso = (m: number) => new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 10);
  const from = iso(month - 1);
  return { from, to: iso(month), start: new Date(`${from}T00:00:00+09:00`) };
}

export type Person = {
  leftOn: string;
  department: string;
  reason: LeaveReason;
  consent?: boolean;
  invited?: boolean;
  joined?: boolean;
  /** Opened the community a minute ago (a recorded visit). */
  active?: boolean;
  /** Added this month (after the previous period ended) rather than 60 days ago. */
  recent?: boolean;
};

/** Registry records with the given progress, written as the registry, invitations and sign-in write them. */
export async function seedRecords(server: TestServer, tenantId: string, people: Person[]) {
  const month = thisMonth();
  const old = new Date(month.start.getTime() - 60 * DAY);
  for (const [index, person] of people.entries()) {
    const createdAt = person.recent ? new Date() : old;
    const member = person.joined
      ? await addTestMember(server, tenantId, 'alumnus', { displayName: `卒業生 ${index}` })
      : null;
    await server.deps.database.db.transaction(async (tx) => {
      await enterTenant(tx, tenantId);
      const [record] = await tx
        .insert(alumniRecords)
        .values({
          tenantId,
          familyName: `記録${index}`,
          emails: [`r${index}-${randomBytes(4).toString('hex')}@example.jp`],
          leftOn: person.leftOn,
          lastDepartment: person.department,
          leaveReason: person.reason,
          contactConsent: person.consent ? 'granted' : 'unknown',
          status: member ? 'joined' : person.invited ? 'invited' : 'record',
          membershipId: member?.membership.id ?? null,
          createdAt,
        })
        .returning();
      if (person.invited)
        await tx.insert(invitations).values({
          tenantId,
          recordId: record!.id,
          email: record!.emails[0]!,
          tokenHash: randomBytes(16).toString('hex'),
          locale: 'ja',
          subject: 'ご招待',
          body: '本文',
          status: member ? 'joined' : 'sent',
          expiresAt: new Date(Date.now() + 30 * DAY),
          joinedAt: member ? createdAt : null,
          createdAt,
        });
      if (member && person.active)
        await recordActivity(tx, {
          tenantId,
          membershipId: member.membership.id,
          kind: 'visit',
          at: new Date(Date.now() - 60_000),
        });
    });
  }
}

const sales2019 = (extra: Partial<Person>): Person => ({
  leftOn: '2019-03-31',
  department: '営業部',
  reason: 'career_change',
  ...extra,
});
const dev2021 = (extra: Partial<Person>): Person => ({
  leftOn: '2021-09-30',
  department: '開発部',
  reason: 'study',
  ...extra,
});

/** 2019 sales: 8 records, 7 agreed, 6 invited, 5 joined and active; 2021 development: 4 of everything. */
export const dataset: Person[] = [
  ...Array.from({ length: 5 }, () => sales2019({ consent: true, invited: true, joined: true, active: true })),
  sales2019({ consent: true, invited: true }),
  sales2019({ consent: true, recent: true }),
  sales2019({}),
  ...Array.from({ length: 4 }, () => dev2021({ consent: true, invited: true, joined: true, active: true })),
];
