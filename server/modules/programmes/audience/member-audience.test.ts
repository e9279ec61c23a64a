import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alumniRecords,
  groupMembers,
  groups,
  memberProfiles,
  type Role,
  segments,
} from '../../../db/schema/index.js';
import { enterTenant, inTenant } from '../../../db/scope.js';
import { addTestMember, createTestTenant } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { type AudienceSpecInput, AudienceSpecSchema } from './audience-spec.js';
import {
  audienceAdmitsMember,
  loadMemberAudienceFacts,
  type MemberAudienceFacts,
} from './member-audience.js';

const SEGMENT = '11111111-1111-4111-8111-111111111111';
const GROUP = '22222222-2222-4222-8222-222222222222';
const EVENT = '33333333-3333-4333-8333-333333333333';

const alumnus: MemberAudienceFacts = {
  role: 'alumnus',
  intents: ['job_info'],
  wouldReturn: true,
  hasRecord: true,
  segmentIds: [SEGMENT],
  groupIds: [GROUP],
  activeBeforeQuiet: true,
  attendedEventIds: [EVENT],
};
const admits = (spec: AudienceSpecInput, facts: Partial<MemberAudienceFacts> = {}) =>
  audienceAdmitsMember(AudienceSpecSchema.parse(spec), { ...alumnus, ...facts });

describe('audience spec', () => {
  it('fills the defaults: every member, no employees, no records, no narrowing', () => {
    expect(AudienceSpecSchema.parse({})).toEqual({
      members: true,
      includeEmployees: false,
      records: false,
      segmentId: null,
      openTo: [],
      wouldReturn: false,
      groupId: null,
      goingQuiet: false,
      attendedEventId: null,
    });
  });

  it('refuses unknown fields, unknown intents and ids that are not uuids', () => {
    expect(AudienceSpecSchema.safeParse({ everyone: true }).success).toBe(false);
    expect(AudienceSpecSchema.safeParse({ openTo: ['dating'] }).success).toBe(false);
    expect(AudienceSpecSchema.safeParse({ segmentId: '1; drop table segments' }).success).toBe(false);
    expect(AudienceSpecSchema.safeParse({ groupId: 42 }).success).toBe(false);
  });
});

describe('audienceAdmitsMember', () => {
  it('admits alumni when members are meant, and employees and staff only when the spec includes them', () => {
    expect(admits({})).toBe(true);
    expect(admits({ members: false })).toBe(false);
    for (const role of ['employee', 'owner', 'admin'] as Role[]) {
      expect(admits({}, { role })).toBe(false);
      expect(admits({ includeEmployees: true }, { role })).toBe(true);
      expect(admits({ members: false, includeEmployees: true }, { role })).toBe(true);
    }
    expect(admits({ members: false, includeEmployees: true })).toBe(false);
    expect(admits({}, { role: 'moderator' })).toBe(true);
  });

  it('narrows by segment, intents, would-return and group, all of which must hold', () => {
    expect(admits({ segmentId: SEGMENT })).toBe(true);
    expect(admits({ segmentId: SEGMENT }, { segmentIds: [] })).toBe(false);
    expect(admits({ openTo: ['collaboration', 'job_info'] })).toBe(true);
    expect(admits({ openTo: ['collaboration'] })).toBe(false);
    expect(admits({ wouldReturn: true })).toBe(true);
    expect(admits({ wouldReturn: true }, { wouldReturn: false })).toBe(false);
    expect(admits({ groupId: GROUP })).toBe(true);
    expect(admits({ groupId: GROUP }, { groupIds: [] })).toBe(false);
    expect(admits({ attendedEventId: EVENT })).toBe(true);
    expect(admits({ attendedEventId: EVENT }, { attendedEventIds: [] })).toBe(false);
    const all: AudienceSpecInput = {
      segmentId: SEGMENT,
      openTo: ['job_info'],
      wouldReturn: true,
      groupId: GROUP,
    };
    expect(admits(all)).toBe(true);
    expect(admits(all, { intents: [] })).toBe(false);
  });

  it('going quiet admits only members active before the last 30 days', () => {
    expect(admits({ goingQuiet: true })).toBe(true);
    expect(admits({ goingQuiet: true }, { activeBeforeQuiet: false })).toBe(false);
  });

  it('a records-only spec reaches no member', () => {
    expect(admits({ members: false, records: true })).toBe(false);
  });
});

describe('loadMemberAudienceFacts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  async function seed() {
    const created = await createTestTenant(server);
    const tenantId = created.tenant.id;
    const member = await addTestMember(server, tenantId, 'alumnus');
    const loner = await addTestMember(server, tenantId, 'employee');
    const ids = await server.deps.database.db.transaction(async (tx) => {
      await enterTenant(tx, tenantId);
      await tx.insert(memberProfiles).values({
        tenantId,
        membershipId: member.membership.id,
        intents: ['collaboration', 'mentoring'],
      });
      await tx.insert(alumniRecords).values({
        tenantId,
        familyName: '山田',
        lastDepartment: '営業本部',
        wouldReturn: 'yes',
        status: 'joined',
        membershipId: member.membership.id,
      });
      const [sales, engineers] = await tx
        .insert(segments)
        .values([
          { tenantId, name: '営業出身', filter: { department: '営業' } },
          { tenantId, name: '技術出身', filter: { department: '技術' } },
        ])
        .returning();
      const [group, other] = await tx
        .insert(groups)
        .values([
          { tenantId, name: '起業部', visibility: 'open', createdBy: member.membership.id },
          { tenantId, name: '読書会', visibility: 'request', createdBy: member.membership.id },
        ])
        .returning();
      await tx.insert(groupMembers).values([
        { tenantId, groupId: group!.id, membershipId: member.membership.id, status: 'active' },
        { tenantId, groupId: other!.id, membershipId: member.membership.id, status: 'requested' },
      ]);
      return { sales: sales!.id, engineers: engineers!.id, group: group!.id };
    });
    return { tenantId, member: member.membership.id, loner: loner.membership.id, ...ids };
  }

  it("reads the member's role, intents, record, matching segments and active groups", async () => {
    const s = await seed();
    const other = await seed();
    const facts = await inTenant(server.deps.database.db, s.tenantId, (tx) =>
      loadMemberAudienceFacts({ tx, tenant: { id: s.tenantId } }, s.member, [
        s.sales,
        s.engineers,
        other.sales,
        'not-a-uuid',
      ]),
    );
    expect(facts).toEqual({
      role: 'alumnus',
      intents: ['collaboration', 'mentoring'],
      wouldReturn: true,
      hasRecord: true,
      segmentIds: [s.sales],
      groupIds: [s.group],
      activeBeforeQuiet: false,
      attendedEventIds: [],
    });
    expect(
      audienceAdmitsMember(AudienceSpecSchema.parse({ segmentId: s.sales, wouldReturn: true }), facts),
    ).toBe(true);
    expect(audienceAdmitsMember(AudienceSpecSchema.parse({ segmentId: s.engineers }), facts)).toBe(false);
  });

  it('a member without profile, record or groups matches no segment and no narrowing', async () => {
    const s = await seed();
    const facts = await inTenant(server.deps.database.db, s.tenantId, (tx) =>
      loadMemberAudienceFacts({ tx, tenant: { id: s.tenantId } }, s.loner, [s.sales]),
    );
    expect(facts).toEqual({
      role: 'employee',
      intents: [],
      wouldReturn: false,
      hasRecord: false,
      segmentIds: [],
      groupIds: [],
      activeBeforeQuiet: false,
      attendedEventIds: [],
    });
  });
});
