import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opportunityReferrals } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { communityMember } from '../../test/community-factories.js';
import { addTestMember, mailsTo, signIn, uniqueEmail } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { audienceRecord } from '../programmes/audience/audience-factories.js';
import { network, open, type Problem } from './opportunity-test-factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Referral = {
  id: string;
  referrer: { id: string; displayName: string };
  referred: { member: { id: string; displayName: string } | null; name: string; email: string };
  note: string;
  mailed: boolean;
};
/** Referral mails only (a member's address also received their sign-in link). */
const referralMails = async (email: string) =>
  (await mailsTo(server, email)).filter((mail) => mail.subject.includes('ご紹介'));

type FieldProblem = Problem & { errors?: { path: string; code: string }[] };

async function setting() {
  const net = await network(server);
  const referrer = await communityMember(server, net, { displayName: '紹介 太郎' });
  const item = await open(net, { kind: 'job', title: 'データエンジニア' });
  const url = `/api/v1/t/${net.slug}/community/opportunities/${item.id}/referrals`;
  const list = async () =>
    (await net.hr.get<{ referrals: Referral[] }>(`/api/v1/t/${net.slug}/opportunities/${item.id}/referrals`))
      .body.referrals;
  return { net, referrer, item, url, list };
}

describe('referring someone for an opportunity', () => {
  it('mails an outside person once with the referrer’s name, and HR sees who referred whom', async () => {
    const { net, referrer, item, url, list } = await setting();
    const friend = uniqueEmail('friend');
    const sent = await referrer.client.post(url, {
      name: '友人 次郎',
      email: ` ${friend.toUpperCase()} `,
      note: '前職で一緒でした',
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ received: true });
    const [mail, ...more] = await mailsTo(server, friend);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toContain('紹介 太郎 さんから「データエンジニア」のご紹介');
    expect(mail!.textBody).toContain('友人 次郎 様');
    expect(mail!.textBody).toContain('前職で一緒でした');
    expect(mail!.textBody).toContain(`/join/${net.slug}`);
    expect(mail!.textBody).toContain('一度だけお送りしています');

    // The same address again, by anyone and in any spelling: refused clearly, and no second mail.
    const colleague = await communityMember(server, net, { displayName: '同僚 三郎' });
    const again = await colleague.client.post<Problem>(url, { name: '友人', email: friend });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('referral_already_sent');
    expect(again.body.title).toBe(
      'この方にはすでにこの募集のご紹介をお送りしています。ご紹介のメールは一度だけお送りします。',
    );
    colleague.client.cookies.set('enishi_lang', 'en');
    const english = await colleague.client.post<Problem>(url, { name: 'Friend', email: friend });
    expect(english.body.title).toBe(
      'This person has already been sent a referral for this opportunity. Each person is mailed only once.',
    );
    expect(await mailsTo(server, friend)).toHaveLength(1);
    // Another opportunity is another referral.
    const other = await open(net, { title: '別の募集' });
    const otherUrl = `/api/v1/t/${net.slug}/community/opportunities/${other.id}/referrals`;
    expect((await referrer.client.post(otherUrl, { name: '友人 次郎', email: friend })).status).toBe(202);
    expect(await mailsTo(server, friend)).toHaveLength(2);

    expect(await list()).toEqual([
      {
        id: expect.any(String),
        referrer: { id: referrer.id, displayName: '紹介 太郎' },
        referred: { member: null, name: '友人 次郎', email: friend },
        note: '前職で一緒でした',
        mailed: true,
        createdAt: expect.any(String),
      },
    ]);
    expect(item.id).toBeTruthy();
  });

  it('refers a member picked from the directory, and answers the same for an address that is a member’s', async () => {
    const { net, referrer, item, url, list } = await setting();
    const picked = await communityMember(server, net, { displayName: '選ばれ 花子' });
    expect((await referrer.client.post(url, { memberId: picked.id, note: '' })).status).toBe(202);
    const [mail, ...more] = await referralMails(picked.email);
    expect(more).toHaveLength(0);
    expect(mail!.textBody).toContain('選ばれ 花子 様');
    expect(mail!.textBody).toContain(`/t/${net.slug}/opportunities/${item.id}`);

    // A typed address that happens to be a member's: the same 202 as for a stranger's; the member's
    // mail links to the opportunity itself, and HR sees which member it was.
    const hidden = await communityMember(server, net, { displayName: '会員 秘密' });
    const typed = await referrer.client.post(url, { name: '誰か', email: hidden.email });
    const stranger = await referrer.client.post(url, { name: '誰か', email: uniqueEmail('nobody') });
    expect([typed.status, stranger.status]).toEqual([202, 202]);
    expect(typed.body).toEqual(stranger.body);
    expect((await mailsTo(server, hidden.email))[0]!.textBody).toContain(`/opportunities/${item.id}`);
    // Picking the same member again, by id or by address, is the one mail already sent.
    expect((await referrer.client.post(url, { memberId: picked.id })).status).toBe(409);
    expect((await referrer.client.post(url, { name: 'x', email: picked.email })).status).toBe(409);

    const rows = await list();
    expect(rows.map((row) => row.referred.member?.displayName ?? null)).toEqual([
      null,
      '会員 秘密',
      '選ばれ 花子',
    ]);
  });

  it('keeps to the exclusion list and blocks without telling the referrer', async () => {
    const { net, referrer, url, list } = await setting();
    const excluded = await audienceRecord(server, net.id, { familyName: '除外', status: 'excluded' });
    const blocker = await communityMember(server, net, { displayName: 'ブロック 中' });
    await blocker.client.put(`/api/v1/t/${net.slug}/community/people/${referrer.id}/block`, {});
    const a = await referrer.client.post(url, { name: '除外 さん', email: excluded.email });
    const b = await referrer.client.post(url, { memberId: blocker.id });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(await referralMails(excluded.email!)).toHaveLength(0);
    expect(await referralMails(blocker.email)).toHaveLength(0);
    expect((await list()).map((row) => row.mailed)).toEqual([false, false]);
  });

  it('refuses bad input clearly and writes nothing', async () => {
    const { net, referrer, url } = await setting();
    const cases: [unknown, string, string][] = [
      [{ name: '名前だけ' }, 'email', 'field_required'],
      [{ email: uniqueEmail() }, 'name', 'field_required'],
      [{ name: 'x', email: 'not-an-address' }, 'email', 'field_invalid_email'],
      [{ name: 'x'.repeat(61), email: uniqueEmail() }, 'name', 'field_too_long'],
      [{ name: 'x', email: uniqueEmail(), note: 'n'.repeat(501) }, 'note', 'field_too_long'],
      [{ memberId: referrer.id, name: 'x', email: uniqueEmail() }, 'email', 'referral_member_or_address'],
      [{ memberId: 'not-a-uuid' }, 'memberId', 'field_invalid_format'],
    ];
    for (const [body, path, code] of cases) {
      const answer = await referrer.client.post<FieldProblem>(url, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.errors?.find((e) => e.path === path)?.code, JSON.stringify(answer.body)).toBe(code);
    }
    const nul = await referrer.client.post<FieldProblem>(url, { name: 'a\u0000b', email: uniqueEmail() });
    expect(nul.status).toBe(422);
    const self = await referrer.client.post<Problem>(url, { memberId: referrer.id });
    expect(self.status).toBe(422);
    expect(self.body.title).toBe('ご自身を紹介することはできません。');
    expect((await referrer.client.post<Problem>(url, { name: '自分', email: referrer.email })).status).toBe(
      422,
    );
    const unknown = await referrer.client.post<FieldProblem>(url, { memberId: crypto.randomUUID() });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.[0]?.code).toBe('referral_member_unknown');
    const closed = await open(net, { title: '終了' });
    await net.hr.patch(`/api/v1/t/${net.slug}/opportunities/${closed.id}`, { status: 'closed' });
    const late = await referrer.client.post<Problem>(
      `/api/v1/t/${net.slug}/community/opportunities/${closed.id}/referrals`,
      { name: 'x', email: uniqueEmail() },
    );
    expect(late.status).toBe(404);
    const rows = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.select().from(opportunityReferrals),
    );
    expect(rows).toHaveLength(0);
  });

  it('allows 10 referrals a member an hour', async () => {
    const { referrer, url } = await setting();
    for (let i = 0; i < 10; i++) {
      expect((await referrer.client.post(url, { name: `友人${i}`, email: uniqueEmail() })).status).toBe(202);
    }
    const limited = await referrer.client.post<Problem>(url, { name: '十一人目', email: uniqueEmail() });
    expect(limited.status).toBe(429);
  });

  it('is for members of the network; the list is for HR staff only; other networks get 404', async () => {
    const { net, referrer, item, url } = await setting();
    await referrer.client.post(url, { name: '友人', email: uniqueEmail() });
    const listUrl = `/api/v1/t/${net.slug}/opportunities/${item.id}/referrals`;
    for (const role of ['alumnus', 'employee', 'moderator'] as const) {
      const added = await addTestMember(server, net.id, role);
      expect((await (await signIn(server, added.email)).get(listUrl)).status).toBe(403);
    }
    expect((await referrer.client.get(listUrl)).status).toBe(403);
    expect((await (await signIn(server, net.ownerEmail)).get(listUrl)).status).toBe(200);

    const other = await network(server);
    const stranger = await communityMember(server, other);
    expect((await stranger.client.post(url, { name: 'x', email: uniqueEmail() })).status).toBe(404);
    const viaOwn = `/api/v1/t/${other.slug}/community/opportunities/${item.id}/referrals`;
    expect((await stranger.client.post(viaOwn, { name: 'x', email: uniqueEmail() })).status).toBe(404);
    // A member of another network cannot be referred by id.
    const picked = await referrer.client.post<FieldProblem>(url, { memberId: stranger.id });
    expect(picked.status).toBe(422);
    expect((await other.hr.get(listUrl)).status).toBe(404);
    expect((await other.hr.get(`/api/v1/t/${other.slug}/opportunities/${item.id}/referrals`)).status).toBe(
      404,
    );
  });

  it('shows a member the referrals they sent, without addresses or whether a mail went out', async () => {
    const { net, referrer, item, url } = await setting();
    const picked = await communityMember(server, net, { displayName: '選ばれ 花子' });
    const excluded = await audienceRecord(server, net.id, { familyName: '除外', status: 'excluded' });
    await referrer.client.post(url, { memberId: picked.id, note: 'ぜひ' });
    await referrer.client.post(url, { name: '除外 さん', email: excluded.email });
    const mineUrl = `/api/v1/t/${net.slug}/community/opportunity-referrals`;
    type Sent = { name: string; note: string; opportunity: Record<string, unknown> } & Record<
      string,
      unknown
    >;
    const mine = await referrer.client.get<{ referrals: Sent[] }>(mineUrl);
    expect(mine.status).toBe(200);
    expect(mine.body.referrals.map((r) => r.name)).toEqual(['除外 さん', '選ばれ 花子']);
    for (const referral of mine.body.referrals) {
      expect(Object.keys(referral).sort()).toEqual(['createdAt', 'id', 'name', 'note', 'opportunity']);
      expect(referral.opportunity).toEqual({
        id: item.id,
        title: 'データエンジニア',
        kind: 'job',
        acceptsResponses: true,
      });
    }
    expect(JSON.stringify(mine.body)).not.toContain('@');
    // Closed since: still listed, no longer taking responses.
    await net.hr.patch(`/api/v1/t/${net.slug}/opportunities/${item.id}`, { status: 'closed' });
    const later = await referrer.client.get<{ referrals: Sent[] }>(mineUrl);
    expect(later.body.referrals.map((r) => r.opportunity.acceptsResponses)).toEqual([false, false]);

    // Each member sees their own only; another network's member sees nothing of this one.
    expect((await picked.client.get<{ referrals: Sent[] }>(mineUrl)).body.referrals).toEqual([]);
    expect((await net.hr.get<{ referrals: Sent[] }>(mineUrl)).body.referrals).toEqual([]);
    const other = await network(server);
    const stranger = await communityMember(server, other);
    expect((await stranger.client.get(mineUrl)).status).toBe(404);
    const own = await stranger.client.get<{ referrals: Sent[] }>(
      `/api/v1/t/${other.slug}/community/opportunity-referrals`,
    );
    expect(own.body.referrals).toEqual([]);
    referrer.client.cookies.clear();
    expect((await referrer.client.get(mineUrl)).status).toBe(401);
  });
});
