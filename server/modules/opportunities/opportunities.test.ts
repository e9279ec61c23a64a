import { and, desc, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumniRecords, auditEvents, opportunities, recordHistory } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { communityMember, linkedRecord } from '../../test/community-factories.js';
import { addTestMember, signIn } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { type Candidate, network, open, type Problem, type Staff } from './opportunity-test-factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('opportunities in the console', () => {
  it('creates each kind with its fields, renders the text safely and audits the creation', async () => {
    const net = await network(server);
    const base = `/api/v1/t/${net.slug}/opportunities`;
    const job = await net.hr.post<Staff & Record<string, unknown>>(base, {
      kind: 'job',
      title: ' 経理  担当 ',
      body: '<script>alert(1)</script>[x](javascript:alert(1)) **必須**',
      employmentType: 'contract',
      team: '経理部',
      location: '東京',
      workStyle: 'hybrid',
      payRange: '年収 600〜800 万円',
      contactName: '人事 一郎',
      closesOn: '2099年4月1日',
    });
    expect(job.status).toBe(201);
    expect(job.body).toMatchObject({
      kind: 'job',
      title: '経理 担当',
      status: 'draft',
      employmentType: 'contract',
      workStyle: 'hybrid',
      closesOn: '2099-04-01',
      openedAt: null,
      candidates: { active: 0, total: 0 },
    });
    expect(job.body.bodyHtml).not.toMatch(/<script|href="javascript:/);
    expect(job.body.bodyHtml).toContain('<strong>必須</strong>');
    const collab = await net.hr.post<Staff & Record<string, unknown>>(base, {
      kind: 'collaboration',
      title: '社内勉強会の講師',
      collaborationType: 'speaker',
      duration: '1 回（90 分）',
      budget: '謝礼 5 万円',
      status: 'open',
    });
    expect(collab.body).toMatchObject({ collaborationType: 'speaker', duration: '1 回（90 分）' });
    expect(collab.body.openedAt).not.toBeNull();

    const list = await net.hr.get<{ opportunities: Staff[] }>(base);
    expect(list.body.opportunities.map((o) => o.id)).toEqual([collab.body.id, job.body.id]);
    const opened = await net.hr.patch<Staff & { openedAt: string }>(`${base}/${job.body.id}`, {
      status: 'open',
    });
    expect(opened.body.status).toBe('open');
    expect(opened.body.openedAt).not.toBeNull();

    const audit = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.targetId, job.body.id))
        .orderBy(auditEvents.createdAt),
    );
    expect(audit.map((a) => a.action)).toEqual(['opportunity.created', 'opportunity.status_changed']);
  });

  it('refuses bad input with a clear message in the person’s language, changing nothing', async () => {
    const net = await network(server);
    const base = `/api/v1/t/${net.slug}/opportunities`;
    const noTitle = await net.hr.post<Problem & { errors: { path: string }[] }>(base, {
      kind: 'job',
      title: '  ',
    });
    expect(noTitle.status).toBe(422);
    expect(noTitle.body.errors.map((e) => e.path)).toContain('title');
    const badKind = await net.hr.post<Problem>(base, { kind: 'internship', title: 'x' });
    expect(badKind.status).toBe(422);
    const badDate = await net.hr.post<Problem & { errors: { path: string }[] }>(base, {
      kind: 'job',
      title: 'x',
      closesOn: 'いつか',
    });
    expect(badDate.status).toBe(422);
    expect(badDate.body.errors.map((e) => e.path)).toContain('closesOn');
    const wrongType = await net.hr.request<Problem>('POST', base, {
      body: 'kind=job',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    const nul = await net.hr.post<Problem>(base, { kind: 'job', title: 'a\u0000b' });
    expect(nul.status).toBe(422);
    const empty = await net.hr.request<Problem>('POST', base, {
      body: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBeGreaterThanOrEqual(400);
    expect(empty.status).toBeLessThan(500);
    const nothing = await net.hr.patch<Problem>(`${base}/${(await open(net)).id}`, {});
    expect(nothing.status).toBe(422);
    const rows = await inTenant(server.deps.database.db, net.id, (tx) => tx.select().from(opportunities));
    expect(rows).toHaveLength(1);
  });

  it('is for owners and HR admins only; other networks get 404', async () => {
    const net = await network(server);
    const other = await network(server);
    const created = await open(net);
    const base = `/api/v1/t/${net.slug}`;
    for (const role of ['alumnus', 'employee', 'moderator'] as const) {
      const added = await addTestMember(server, net.id, role);
      const client = await signIn(server, added.email);
      expect((await client.get(`${base}/opportunities`)).status).toBe(403);
      expect((await client.post(`${base}/opportunities`, { kind: 'job', title: 'x' })).status).toBe(403);
      expect((await client.patch(`${base}/opportunities/${created.id}`, { status: 'closed' })).status).toBe(
        403,
      );
      expect((await client.get(`${base}/candidates`)).status).toBe(403);
      expect((await client.get(`${base}/candidates/export`)).status).toBe(403);
    }
    const owner = await signIn(server, net.ownerEmail);
    expect((await owner.get(`${base}/opportunities/${created.id}`)).status).toBe(200);
    // Staff of another network cannot reach it, by its slug or by the id under their own.
    expect((await other.hr.get(`${base}/opportunities`)).status).toBe(404);
    expect((await other.hr.get(`/api/v1/t/${other.slug}/opportunities/${created.id}`)).status).toBe(404);
    expect(
      (await other.hr.patch(`/api/v1/t/${other.slug}/opportunities/${created.id}`, { status: 'closed' }))
        .status,
    ).toBe(404);
  });
});

describe('the pipeline', () => {
  it('moves a card to 入社, which marks the registry record rehired with history and audit', async () => {
    const net = await network(server);
    const member = await communityMember(server, net, { displayName: '戻り 花子' });
    await linkedRecord(server, net, member.id, { familyName: '戻り', leftOn: '2020-03-31' });
    const item = await open(net);
    await member.client.put(`/api/v1/t/${net.slug}/community/opportunities/${item.id}/interest`, {
      link: 'https://example.jp/portfolio',
    });
    const base = `/api/v1/t/${net.slug}/candidates`;
    const [card] = (await net.hr.get<{ candidates: Candidate[] }>(base)).body.candidates;
    expect(card!.record).toMatchObject({ employmentStatus: 'alumnus', rehiredOn: null });

    for (const stage of ['scheduling', 'selection', 'offer']) {
      const moved = await net.hr.patch<Candidate>(`${base}/${card!.id}`, { stage });
      expect(moved.body.stage).toBe(stage);
    }
    const noDate = await net.hr.patch<Problem>(`${base}/${card!.id}`, { stage: 'hired' });
    expect(noDate.status).toBe(422);
    expect(noDate.body.code).toBe('return_date_required');
    const badOwner = await net.hr.patch<Problem>(`${base}/${card!.id}`, { ownerId: member.id });
    expect(badOwner.status).toBe(422);
    const hired = await net.hr.patch<Candidate & { owner: { id: string } }>(`${base}/${card!.id}`, {
      stage: 'hired',
      returnOn: '2027/4/1',
      ownerId: net.hrId,
      hrNotes: '4 月入社で合意',
    });
    expect(hired.status).toBe(200);
    expect(hired.body).toMatchObject({
      stage: 'hired',
      hrNotes: '4 月入社で合意',
      owner: { id: net.hrId },
      record: { employmentStatus: 'rehired', rehiredOn: '2027-04-01' },
    });

    const recordId = hired.body.record!.id;
    const detail = await net.hr.get<{ record: { employmentStatus: string; rehiredOn: string } }>(
      `/api/v1/t/${net.slug}/registry/records/${recordId}`,
    );
    expect(detail.body.record).toMatchObject({ employmentStatus: 'rehired', rehiredOn: '2027-04-01' });
    const { history, audit } = await inTenant(server.deps.database.db, net.id, async (tx) => ({
      history: await tx
        .select()
        .from(recordHistory)
        .where(eq(recordHistory.recordId, recordId))
        .orderBy(desc(recordHistory.createdAt)),
      audit: await tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.tenantId, net.id), eq(auditEvents.action, 'record.rehired'))),
    }));
    expect(history[0]).toMatchObject({
      source: 'opportunity',
      changes: { employmentStatus: ['alumnus', 'rehired'], rehiredOn: [null, '2027-04-01'] },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.targetId).toBe(recordId);
    const [row] = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.select().from(alumniRecords).where(eq(alumniRecords.id, recordId)),
    );
    expect(row!.employmentStatus).toBe('rehired');
  });

  it('refuses to move a withdrawn candidate and exports the pipeline formula-safe in UTF-8 or CP932', async () => {
    const net = await network(server);
    const member = await communityMember(server, net, { displayName: '=HYPERLINK("x") 髙橋' });
    const item = await open(net, { title: '営業（カムバック）' });
    const url = `/api/v1/t/${net.slug}/community/opportunities/${item.id}/interest`;
    await member.client.put(url, { message: '+81-3-1234-5678 まで' });
    const [card] = (await net.hr.get<{ candidates: Candidate[] }>(`/api/v1/t/${net.slug}/candidates`)).body
      .candidates;
    await member.client.delete(url);
    const refused = await net.hr.patch<Problem>(`/api/v1/t/${net.slug}/candidates/${card!.id}`, {
      stage: 'offer',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('candidate_withdrawn');

    const utf8 = await fetch(`${server.baseUrl}/api/v1/t/${net.slug}/candidates/export`, {
      headers: { cookie: [...net.hr.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(utf8.status).toBe(200);
    const bytes = Buffer.from(await utf8.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toContain('募集,氏名（メンバー名）');
    expect(text).toContain(`"'=HYPERLINK(""x"") 髙橋"`);
    expect(text).toContain('営業（カムバック）');
    expect(text).toContain('関心あり,はい');

    const sjis = await fetch(`${server.baseUrl}/api/v1/t/${net.slug}/candidates/export?encoding=cp932`, {
      headers: { cookie: [...net.hr.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const decoded = iconv.decode(Buffer.from(await sjis.arrayBuffer()), 'cp932');
    expect(decoded).toContain('髙橋');
    const audit = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.action, 'candidates.exported')),
    );
    expect(audit).toHaveLength(2);
  });
});
