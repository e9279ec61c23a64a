import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityMember, policyVersion } from '../../../test/community-factories.js';
import { createTestTenant } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type List = {
  conversations: {
    id: string;
    kind: string;
    title: string | null;
    unread: boolean;
    lastMessage: string | null;
  }[];
  unread: { conversations: number; companyInbox: number };
};
type Thread = {
  messages: { body: string; mine: boolean; sender: { displayName: string; badge: string | null } }[];
};

async function network() {
  const created = await createTestTenant(server);
  return { id: created.tenant.id, slug: created.slug };
}

describe('messages', () => {
  it('two members talk one to one, with unread counts that clear on reading', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const aki = await communityMember(server, tenant, { displayName: '秋山 亜希' });
    const ben = await communityMember(server, tenant, { displayName: '坂本 勉' });
    const opened = await aki.client.post<{ id: string }>(`${base}/conversations`, { memberId: ben.id });
    expect(opened.status).toBe(200);
    // Opening again finds the same conversation, from either side.
    expect(
      (await ben.client.post<{ id: string }>(`${base}/conversations`, { memberId: aki.id })).body.id,
    ).toBe(opened.body.id);
    await aki.client.post(`${base}/conversations/${opened.body.id}/messages`, { body: 'お久しぶりです！' });

    const benList = await ben.client.get<List>(`${base}/conversations`);
    expect(benList.body.unread.conversations).toBe(1);
    expect(benList.body.conversations).toMatchObject([
      { title: '秋山 亜希', unread: true, lastMessage: 'お久しぶりです！' },
    ]);
    const thread = await ben.client.get<Thread>(`${base}/conversations/${opened.body.id}`);
    expect(thread.body.messages).toMatchObject([
      { body: 'お久しぶりです！', mine: false, sender: { displayName: '秋山 亜希' } },
    ]);
    expect((await ben.client.get<List>(`${base}/conversations`)).body.unread.conversations).toBe(0);
    expect((await aki.client.get<List>(`${base}/conversations`)).body.unread.conversations).toBe(0);

    // A third member cannot read it.
    const other = await communityMember(server, tenant);
    expect((await other.client.get(`${base}/conversations/${opened.body.id}`)).status).toBe(404);
    expect(
      (await other.client.post(`${base}/conversations/${opened.body.id}/messages`, { body: '割り込み' }))
        .status,
    ).toBe(404);
  });

  it('respects blocks and the choice not to receive messages', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const a = await communityMember(server, tenant);
    const b = await communityMember(server, tenant);
    const quiet = await communityMember(server, tenant, { profile: { acceptsMessages: false } });
    expect((await a.client.post(`${base}/conversations`, { memberId: quiet.id })).status).toBe(404);
    const opened = await a.client.post<{ id: string }>(`${base}/conversations`, { memberId: b.id });
    await a.client.post(`${base}/conversations/${opened.body.id}/messages`, { body: 'こんにちは' });
    await b.client.put(`${base}/people/${a.id}/block`, {});
    expect((await a.client.get(`${base}/conversations/${opened.body.id}`)).status).toBe(404);
    expect(
      (await a.client.post(`${base}/conversations/${opened.body.id}/messages`, { body: 'まだ？' })).status,
    ).toBe(404);
    expect((await a.client.get<List>(`${base}/conversations`)).body.conversations).toEqual([]);
    expect((await b.client.get<List>(`${base}/conversations`)).body.conversations).toEqual([]);
    expect((await a.client.post(`${base}/conversations`, { memberId: b.id })).status).toBe(404);
  });

  it('a member talks privately with the company; HR answers from a shared inbox', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const alumna = await communityMember(server, tenant, { displayName: '戻り 希望' });
    const hr1 = await communityMember(server, tenant, { role: 'admin', displayName: '人事 一郎' });
    const hr2 = await communityMember(server, tenant, { role: 'owner', displayName: '人事 二郎' });
    const moderator = await communityMember(server, tenant, { role: 'moderator' });

    const thread = await alumna.client.post<{ id: string }>(`${base}/conversations`, {});
    await alumna.client.post(`${base}/conversations/${thread.body.id}/messages`, {
      body: 'カムバック採用について伺えますか。',
    });
    const inbox = await hr1.client.get<{ threads: { id: string; member: string; unread: boolean }[] }>(
      `${base}/inbox`,
    );
    expect(inbox.body.threads).toMatchObject([{ id: thread.body.id, member: '戻り 希望', unread: true }]);
    expect((await moderator.client.get(`${base}/inbox`)).status).toBe(403);
    expect((await moderator.client.get(`${base}/conversations/${thread.body.id}`)).status).toBe(404);

    await hr1.client.post(`${base}/conversations/${thread.body.id}/messages`, {
      body: 'もちろんです。面談を設定しましょう。',
    });
    // Any staff member sees the reply as the company's side; the inbox is shared.
    const seenByHr2 = await hr2.client.get<Thread>(`${base}/conversations/${thread.body.id}`);
    expect(seenByHr2.body.messages.map((m) => [m.body, m.mine])).toEqual([
      ['カムバック採用について伺えますか。', false],
      ['もちろんです。面談を設定しましょう。', true],
    ]);
    const mine = await alumna.client.get<List>(`${base}/conversations`);
    expect(mine.body.conversations).toMatchObject([{ kind: 'company', title: null, unread: true }]);
    const reply = await alumna.client.get<Thread>(`${base}/conversations/${thread.body.id}`);
    expect(reply.body.messages[1]).toMatchObject({
      mine: false,
      sender: { displayName: '人事 一郎', badge: 'staff' },
    });

    // HR may start a thread only with members who agreed to be contacted.
    const notContactable = await communityMember(server, tenant);
    const refused = await hr1.client.post(`${base}/inbox/${notContactable.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'company_contact_not_allowed' });
    await notContactable.client.put(`${base}/me/consents`, {
      companyNews: false,
      listedInDirectory: true,
      companyContact: true,
      policyVersion,
    });
    expect((await hr1.client.post(`${base}/inbox/${notContactable.id}`)).status).toBe(200);
    expect((await alumna.client.post(`${base}/inbox/${notContactable.id}`)).status).toBe(403);
  });

  it("cannot reach another network's conversations or members", async () => {
    const a = await network();
    const b = await network();
    const inA = await communityMember(server, a);
    const inB = await communityMember(server, b);
    const otherInB = await communityMember(server, b);
    const conversation = (
      await inB.client.post<{ id: string }>(`/api/v1/t/${b.slug}/community/conversations`, {
        memberId: otherInB.id,
      })
    ).body.id;
    const own = `/api/v1/t/${a.slug}/community`;
    for (const [attempt, unknown] of [
      [`${own}/conversations/${conversation}`, `${own}/conversations/${randomUUID()}`],
    ]) {
      const [seen, missing] = [await inA.client.get(attempt!), await inA.client.get(unknown!)];
      expect(seen.status).toBe(404);
      expect({ ...seen.body, instance: null }).toEqual({ ...missing.body, instance: null });
    }
    expect((await inA.client.post(`${own}/conversations`, { memberId: inB.id })).status).toBe(404);
    expect(
      (await inA.client.post(`${own}/conversations/${conversation}/messages`, { body: '侵入' })).status,
    ).toBe(404);
    expect((await inA.client.get(`/api/v1/t/${b.slug}/community/conversations`)).status).toBe(404);
    const thread = await inB.client.get<Thread>(
      `/api/v1/t/${b.slug}/community/conversations/${conversation}`,
    );
    expect(thread.body.messages).toEqual([]);
  });

  it('limits messages to 30 a minute per member with 429 and Retry-After, storing nothing more', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const sender = await communityMember(server, tenant);
    const receiver = await communityMember(server, tenant);
    const opened = await sender.client.post<{ id: string }>(`${base}/conversations`, {
      memberId: receiver.id,
    });
    const path = `${base}/conversations/${opened.body.id}/messages`;
    for (let i = 1; i <= 30; i++) {
      expect((await sender.client.post(path, { body: `メッセージ ${i}` })).status).toBe(201);
    }
    const refused = await sender.client.post<{ code: string }>(path, { body: '31 通目' });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const thread = await receiver.client.get<Thread>(`${base}/conversations/${opened.body.id}`);
    expect(thread.body.messages).toHaveLength(30);
    expect(thread.body.messages.at(-1)!.body).toBe('メッセージ 30');
  });
});
