import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumniRecords, opportunities } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { communityMember, linkedRecord } from '../../test/community-factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { addDays, todayInTokyo } from './dates.js';
import { type Candidate, type Member, network, open, type Problem } from './opportunity-test-factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('the member tab', () => {
  it('lists open ones only, newest or closing soonest first, filters by kind and marks new ones', async () => {
    const net = await network(server);
    const member = await communityMember(server, net);
    const soon = await open(net, { kind: 'job', title: '締切間近', closesOn: addDays(todayInTokyo(), 2) });
    const later = await open(net, {
      kind: 'comeback',
      title: '締切まだ先',
      closesOn: addDays(todayInTokyo(), 60),
    });
    const none = await open(net, { kind: 'collaboration', title: '締切なし' });
    await open(net, { title: '下書き', status: 'draft' });
    const closed = await open(net, { title: '終了' });
    await net.hr.patch(`/api/v1/t/${net.slug}/opportunities/${closed.id}`, { status: 'closed' });
    const past = await open(net, { title: '期限切れ', closesOn: addDays(todayInTokyo(), 1) });
    await inTenant(server.deps.database.db, net.id, (tx) =>
      tx
        .update(opportunities)
        .set({ closesOn: addDays(todayInTokyo(), -1) })
        .where(eq(opportunities.id, past.id)),
    );

    const base = `/api/v1/t/${net.slug}/community/opportunities`;
    const newest = await member.client.get<{ opportunities: Member[] }>(base);
    expect(newest.status).toBe(200);
    expect(newest.body.opportunities.map((o) => o.title)).toEqual(['締切なし', '締切まだ先', '締切間近']);
    const closing = await member.client.get<{ opportunities: Member[] }>(`${base}?sort=closing`);
    expect(closing.body.opportunities.map((o) => o.id)).toEqual([soon.id, later.id, none.id]);
    expect(closing.body.opportunities.map((o) => o.closingSoon)).toEqual([true, false, false]);
    expect(newest.body.opportunities.every((o) => o.isNew)).toBe(true);
    expect(newest.body.opportunities.every((o) => o.acceptsResponses)).toBe(true);
    const jobs = await member.client.get<{ opportunities: Member[] }>(`${base}?kind=job`);
    expect(jobs.body.opportunities.map((o) => o.id)).toEqual([soon.id]);
    expect((await member.client.get(`${base}?kind=intern`)).status).toBe(422);
    // What a member sees carries nothing of HR's.
    expect(Object.keys(newest.body.opportunities[0]!)).not.toContain('candidates');
    expect(Object.keys(newest.body.opportunities[0]!)).not.toContain('body');
  });

  it('takes 「興味あり」 once, lets the member withdraw, and refuses closed or past-deadline ones (409)', async () => {
    const net = await network(server);
    const member = await communityMember(server, net);
    const item = await open(net);
    const url = `/api/v1/t/${net.slug}/community/opportunities/${item.id}/interest`;
    const first = await member.client.put<{ status: string }>(url, { message: '話を聞きたいです' });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('interested');
    const again = await member.client.put<{ message: string }>(url, { message: '二度目' });
    expect(again.status).toBe(200);
    expect(again.body.message).toBe('話を聞きたいです');
    const both = await Promise.all([member.client.put(url, {}), member.client.put(url, {})]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const cards = await net.hr.get<{ candidates: Candidate[] }>(
      `/api/v1/t/${net.slug}/candidates?opportunity=${item.id}`,
    );
    expect(cards.body.candidates).toHaveLength(1);

    const listed = await member.client.get<{ opportunities: Member[] }>(
      `/api/v1/t/${net.slug}/community/opportunities`,
    );
    expect(listed.body.opportunities[0]!.interest?.status).toBe('interested');
    expect(listed.body.opportunities[0]!.isNew).toBe(false);

    const withdrawn = await member.client.delete<{ status: string }>(url);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(
      (await net.hr.get<{ candidates: Candidate[] }>(`/api/v1/t/${net.slug}/candidates`)).body.candidates[0]!
        .withdrawn,
    ).toBe(true);

    const badLink = await member.client.put<Problem & { errors: { path: string }[] }>(url, {
      link: 'javascript:alert(1)',
    });
    expect(badLink.status).toBe(422);
    expect(badLink.body.errors[0]!.path).toBe('link');

    await net.hr.patch(`/api/v1/t/${net.slug}/opportunities/${item.id}`, { status: 'filled' });
    const late = await member.client.put<Problem>(url, {});
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('opportunity_closed');
    expect(late.body.title).toBe('この募集は締め切られたため、受け付けていません。');

    const past = await open(net, { closesOn: addDays(todayInTokyo(), 3) });
    const other = await communityMember(server, net);
    const pastUrl = `/api/v1/t/${net.slug}/community/opportunities/${past.id}/interest`;
    expect((await other.client.put(pastUrl, {})).status).toBe(201);
    await inTenant(server.deps.database.db, net.id, (tx) =>
      tx
        .update(opportunities)
        .set({ closesOn: addDays(todayInTokyo(), -1) })
        .where(eq(opportunities.id, past.id)),
    );
    // Its answerer still finds it, marked as no longer taking answers (the page hides the forms).
    const seen = await other.client.get<Member>(`/api/v1/t/${net.slug}/community/opportunities/${past.id}`);
    expect(seen.body.acceptsResponses).toBe(false);
    await other.client.delete(pastUrl);
    other.client.cookies.set('enishi_lang', 'en');
    const english = await other.client.put<Problem>(pastUrl, {});
    expect(english.status).toBe(409);
    expect(english.body.title).toBe('This opportunity has closed and no longer takes answers.');
    // Someone who never answered a closed one does not find it at all.
    const third = await communityMember(server, net);
    expect((await third.client.put(pastUrl, {})).status).toBe(404);
  });

  it('hides drafts and other networks’ opportunities, and never shows other candidates or HR notes', async () => {
    const net = await network(server);
    const other = await network(server);
    const item = await open(net);
    const draft = await open(net, { status: 'draft' });
    const member = await communityMember(server, net);
    const rival = await communityMember(server, net);
    const stranger = await communityMember(server, other);
    await rival.client.put(`/api/v1/t/${net.slug}/community/opportunities/${item.id}/interest`, {
      message: '応募',
    });
    const card = (await net.hr.get<{ candidates: Candidate[] }>(`/api/v1/t/${net.slug}/candidates`)).body
      .candidates[0]!;
    await net.hr.patch(`/api/v1/t/${net.slug}/candidates/${card.id}`, {
      hrNotes: '年収交渉に注意',
      sharedStatus: '面談の日程をメールでお送りしました',
      stage: 'scheduling',
    });
    const seen = await rival.client.get<Member>(`/api/v1/t/${net.slug}/community/opportunities/${item.id}`);
    expect(seen.body.interest).toEqual({
      status: 'interested',
      message: '応募',
      link: null,
      file: null,
      sharedStatus: '面談の日程をメールでお送りしました',
      since: expect.any(String),
    });
    expect(JSON.stringify(seen.body)).not.toMatch(/年収交渉|scheduling/);
    const other1 = await member.client.get<Member>(
      `/api/v1/t/${net.slug}/community/opportunities/${item.id}`,
    );
    expect(other1.body.interest).toBeNull();
    expect(JSON.stringify(other1.body)).not.toContain('応募');
    expect(
      (await member.client.get(`/api/v1/t/${net.slug}/community/opportunities/${draft.id}`)).status,
    ).toBe(404);
    expect(
      (await member.client.put(`/api/v1/t/${net.slug}/community/opportunities/${draft.id}/interest`, {}))
        .status,
    ).toBe(404);
    expect((await stranger.client.get(`/api/v1/t/${net.slug}/community/opportunities`)).status).toBe(404);
    expect(
      (await stranger.client.get(`/api/v1/t/${other.slug}/community/opportunities/${item.id}`)).status,
    ).toBe(404);
    expect(
      (await stranger.client.put(`/api/v1/t/${other.slug}/community/opportunities/${item.id}/interest`, {}))
        .status,
    ).toBe(404);
    expect(
      (await other.hr.patch(`/api/v1/t/${other.slug}/candidates/${card.id}`, { stage: 'offer' })).status,
    ).toBe(404);
  });
  it('shows each member only what is meant for them (the stored audience spec), and keeps answers visible', async () => {
    const net = await network(server);
    const returner = await communityMember(server, net, { displayName: '戻りたい 人' });
    const elsewhere = await communityMember(server, net, { displayName: '戻らない 人' });
    await linkedRecord(server, net, returner.id, { familyName: '戻りたい' });
    await linkedRecord(server, net, elsewhere.id, { familyName: '戻らない' });
    await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.update(alumniRecords).set({ wouldReturn: 'yes' }).where(eq(alumniRecords.membershipId, returner.id)),
    );
    const everyone = await open(net, { title: '全員向け' });
    const comeback = await open(net, { title: '再入社希望の方へ', audience: { wouldReturn: true } });
    expect(
      (
        await net.hr.get<{ audience: { wouldReturn: boolean; members: boolean } }>(
          `/api/v1/t/${net.slug}/opportunities/${comeback.id}`,
        )
      ).body.audience,
    ).toMatchObject({ wouldReturn: true, members: true });
    const base = `/api/v1/t/${net.slug}/community/opportunities`;
    const titles = async (who: typeof returner) =>
      (await who.client.get<{ opportunities: Member[] }>(base)).body.opportunities.map((o) => o.title);
    expect(await titles(returner)).toEqual(['再入社希望の方へ', '全員向け']);
    expect(await titles(elsewhere)).toEqual(['全員向け']);
    expect((await elsewhere.client.get(`${base}/${comeback.id}`)).status).toBe(404);
    expect((await elsewhere.client.put(`${base}/${comeback.id}/interest`, {})).status).toBe(404);
    expect((await returner.client.put(`${base}/${comeback.id}/interest`, {})).status).toBe(201);
    expect(everyone.id).toBeTruthy();
    const bad = await net.hr.post<Problem>(`/api/v1/t/${net.slug}/opportunities`, {
      kind: 'job',
      title: 'x',
      audience: { everyone: true },
    });
    expect(bad.status).toBe(422);
  });
});
