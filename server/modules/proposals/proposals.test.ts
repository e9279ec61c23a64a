import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, proposals } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { communityMember } from '../../test/community-factories.js';
import { tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type MemberProposal = {
  id: string;
  title: string;
  status: string;
  public: boolean;
  reply: { text: string; at: string } | null;
  supports: number;
  supportedByMe: boolean;
  mine: boolean;
  anonymous: boolean;
};
type StaffProposal = MemberProposal & {
  author: { membershipId: string; displayName: string } | null;
  internalNotes: string;
};
type Problem = { code: string; errors?: { path: string }[] };

async function network() {
  const staff = await tenantWithMember(server, 'admin');
  const tenant = { id: staff.tenant.id, slug: staff.slug };
  const named = await communityMember(server, tenant, { displayName: '提言 太郎' });
  const quiet = await communityMember(server, tenant, { displayName: '匿名 希望' });
  const reader = await communityMember(server, tenant, { displayName: '読者 花子' });
  const mine = `/api/v1/t/${tenant.slug}/community/proposals`;
  const desk = `/api/v1/t/${tenant.slug}/proposals`;
  return { staff, tenant, named, quiet, reader, mine, desk };
}

describe('proposals', () => {
  it('members send by name or anonymously; staff see the sender only of named ones, and nothing leads to the other', async () => {
    const { staff, tenant, named, quiet, reader, mine, desk } = await network();
    const byName = await named.client.post<MemberProposal>(mine, {
      title: '社内勉強会をアルムナイにも開いてほしい',
      body: '技術勉強会の一部をオンラインで公開すると、双方に学びがあると思います。',
      category: 'community',
    });
    expect(byName.status).toBe(201);
    expect(byName.body).toMatchObject({ status: 'received', mine: true, anonymous: false, public: false });
    const hidden = await quiet.client.post<MemberProposal>(mine, {
      title: '評価制度について',
      body: '退職の理由の一つでした。率直にお伝えします。',
      anonymous: true,
    });
    expect(hidden.body).toMatchObject({ mine: true, anonymous: true });

    // Each sender finds their own, anonymous included; nobody else sees an unpublished proposal.
    const quietOwn = await quiet.client.get<{ proposals: MemberProposal[] }>(`${mine}?view=mine`);
    expect(quietOwn.body.proposals.map((p) => p.id)).toEqual([hidden.body.id]);
    expect((await reader.client.get<{ proposals: unknown[] }>(`${mine}?view=mine`)).body.proposals).toEqual(
      [],
    );
    expect((await reader.client.get<{ proposals: unknown[] }>(`${mine}?view=public`)).body.proposals).toEqual(
      [],
    );
    expect((await reader.client.get(`${mine}/${byName.body.id}`)).status).toBe(404);
    expect((await named.client.get(`${mine}/${hidden.body.id}`)).status).toBe(404);

    const listed = await staff.client.get<{ proposals: StaffProposal[]; counts: Record<string, number> }>(
      desk,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.counts).toEqual({ received: 2, reviewing: 0, adopted: 0, declined: 0 });
    const authors = Object.fromEntries(
      listed.body.proposals.map((p) => [p.title, p.author?.displayName ?? null]),
    );
    expect(authors).toEqual({ 社内勉強会をアルムナイにも開いてほしい: '提言 太郎', 評価制度について: null });
    // The stored row of an anonymous proposal holds no member at all.
    const [stored] = await inTenant(server.deps.database.db, tenant.id, (tx) =>
      tx
        .select()
        .from(proposals)
        .where(and(eq(proposals.tenantId, tenant.id), eq(proposals.id, hidden.body.id))),
    );
    expect(stored!.authorId).toBeNull();
    expect(JSON.stringify(await staff.client.get(`${desk}/${hidden.body.id}`))).not.toContain('匿名 希望');
  });

  it('staff answer, publish and note; a named sender is told, members support public ones, notes never leave the console', async () => {
    const { staff, tenant, named, reader, mine, desk } = await network();
    const sent = await named.client.post<MemberProposal>(mine, {
      title: 'OB 向けの求人を見たい',
      body: '副業の募集も。',
    });
    const id = sent.body.id;
    const answered = await staff.client.patch<StaffProposal>(`${desk}/${id}`, {
      status: 'adopted',
      public: true,
      publicReply: '来月から募集の掲載を始めます。',
      internalNotes: '人事部長に共有済み',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      status: 'adopted',
      public: true,
      internalNotes: '人事部長に共有済み',
    });

    const told = await inTenant(server.deps.database.db, tenant.id, (tx) =>
      tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.tenantId, tenant.id), eq(notifications.targetId, id))),
    );
    expect(told.map((n) => [n.kind, n.recipientId])).toEqual([['proposal_answered', named.id]]);

    const seen = await reader.client.get<MemberProposal>(`${mine}/${id}`);
    expect(seen.body).toMatchObject({
      status: 'adopted',
      mine: false,
      reply: { text: '来月から募集の掲載を始めます。' },
    });
    expect(JSON.stringify(seen.body)).not.toContain('人事部長');
    expect(JSON.stringify(seen.body)).not.toContain('提言 太郎');

    // Support is one per member, idempotent, can be taken back, and never for one's own proposal.
    const support = `${mine}/${id}/support`;
    expect((await reader.client.put<MemberProposal>(support, {})).body).toMatchObject({
      supports: 1,
      supportedByMe: true,
    });
    expect((await reader.client.put<MemberProposal>(support, {})).body.supports).toBe(1);
    const own = await named.client.put<Problem>(support, {});
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('proposal_own');
    expect((await reader.client.delete<MemberProposal>(support)).body).toMatchObject({
      supports: 0,
      supportedByMe: false,
    });

    // Hidden again: members no longer see it (the sender still does).
    await staff.client.patch(`${desk}/${id}`, { public: false });
    expect((await reader.client.get(`${mine}/${id}`)).status).toBe(404);
    expect((await reader.client.put(support, {})).status).toBe(404);
    expect((await named.client.get<MemberProposal>(`${mine}/${id}`)).body.mine).toBe(true);

    const audit = await inTenant(server.deps.database.db, tenant.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.tenantId, tenant.id), eq(auditEvents.targetId, id))),
    );
    expect(audit.map((event) => event.action)).toEqual(['proposal.updated', 'proposal.updated']);
    expect(JSON.stringify(audit)).not.toContain('人事部長');
  });

  it('exports a month as CSV without notes, naming only named senders; refuses bad input and changes nothing', async () => {
    const { staff, named, quiet, mine, desk } = await network();
    await named.client.post(mine, { title: '=HYPERLINK("x")', body: '数式に見える件名' });
    await quiet.client.post(mine, { title: '匿名の声', body: '本文', anonymous: true });
    const listed = await staff.client.get<{ proposals: StaffProposal[] }>(desk);
    await staff.client.patch(`${desk}/${listed.body.proposals[0]!.id}`, { internalNotes: '社外秘メモ' });
    const month = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);
    const response = await fetch(`${server.baseUrl}${desk}/export?month=${month}&encoding=cp932`, {
      headers: { cookie: [...staff.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(response.status).toBe(200);
    const text = iconv.decode(Buffer.from(await response.arrayBuffer()), 'cp932');
    expect(text).toContain('提言 太郎');
    expect(text).toContain('匿名');
    expect(text).not.toContain('匿名 希望');
    expect(text).not.toContain('社外秘メモ');
    expect(text).toContain("'=HYPERLINK");
    const empty = await staff.client.get<string>(`${desk}/export?month=2001-01`);
    expect(empty.body.trim().split('\n')).toHaveLength(1);

    const blank = await named.client.post<Problem>(mine, { title: '   ', body: '本文' });
    expect(blank.status).toBe(422);
    const nothing = await staff.client.patch<Problem>(`${desk}/${listed.body.proposals[0]!.id}`, {});
    expect(nothing.status).toBe(422);
    const badStatus = await staff.client.patch<Problem>(`${desk}/${listed.body.proposals[0]!.id}`, {
      status: 'done',
    });
    expect(badStatus.status).toBe(422);
    expect((await staff.client.get<{ proposals: unknown[] }>(desk)).body.proposals).toHaveLength(2);
  });

  it('only owners and admins triage; another network sees nothing', async () => {
    const { tenant, named, reader, mine, desk } = await network();
    const sent = await named.client.post<MemberProposal>(mine, { title: '提案', body: '本文' });
    const employee = await communityMember(server, tenant, { role: 'employee' });
    const moderator = await communityMember(server, tenant, { role: 'moderator' });
    for (const who of [reader, employee, moderator]) {
      expect((await who.client.get(desk)).status).toBe(403);
      expect((await who.client.get(`${desk}/${sent.body.id}`)).status).toBe(403);
      expect((await who.client.patch(`${desk}/${sent.body.id}`, { status: 'declined' })).status).toBe(403);
      expect((await who.client.get(`${desk}/export?month=2026-12`)).status).toBe(403);
    }

    const other = await tenantWithMember(server, 'owner');
    const outsider = await communityMember(server, { id: other.tenant.id, slug: other.slug });
    // Through the first network's address: not a member there.
    expect([403, 404]).toContain((await other.client.get(desk)).status);
    expect([403, 404]).toContain((await outsider.client.get(`${mine}/${sent.body.id}`)).status);
    // Through their own network's address, the id does not exist.
    const theirs = `/api/v1/t/${other.slug}`;
    expect((await other.client.get(`${theirs}/proposals/${sent.body.id}`)).status).toBe(404);
    expect(
      (await other.client.patch(`${theirs}/proposals/${sent.body.id}`, { status: 'declined' })).status,
    ).toBe(404);
    expect((await outsider.client.get(`${theirs}/community/proposals/${sent.body.id}`)).status).toBe(404);
    expect(
      (await outsider.client.put(`${theirs}/community/proposals/${sent.body.id}/support`, {})).status,
    ).toBe(404);
    expect((await other.client.get<{ proposals: unknown[] }>(`${theirs}/proposals`)).body.proposals).toEqual(
      [],
    );
    expect((await named.client.get<MemberProposal>(`${mine}/${sent.body.id}`)).body.status).toBe('received');
  });
});
