import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { policyVersion } from '../../test/community-factories.js';
import { latestMail, tenantWithMember, tokenFrom } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Me = {
  policyVersion: string;
  profile: {
    reading: string;
    onboarded: boolean;
    consents: {
      companyNews: boolean;
      listedInDirectory: boolean;
      companyContact: boolean;
      policyVersion: string | null;
    };
  };
  consentHistory: { purpose: string; granted: boolean; policyVersion: string; source: string }[];
};

/** HR records a leaver and invites them; the invitee accepts and is signed in. */
async function invitedAlumnus() {
  const { slug, client: hr } = await tenantWithMember(server, 'admin');
  const email = `join.${Date.now()}.${Math.random().toString(36).slice(2)}@example.jp`;
  const created = await hr.post<{ id: string }>(`/api/v1/t/${slug}/registry/records`, {
    familyName: '髙橋',
    givenName: '美咲',
    familyNameKana: 'たかはし',
    givenNameKana: 'みさき',
    emails: [email],
    contactConsent: 'granted',
  });
  await hr.post(`/api/v1/t/${slug}/registry/invitations`, {
    recordIds: [created.body.id],
    locale: 'ja',
    subject: 'ご招待',
    body: '{氏名} 様 {リンク}',
  });
  const token = tokenFrom((await latestMail(server, email))!.textBody);
  const member = new TestClient(server);
  const accepted = await member.post<{ redirectTo: string }>('/api/v1/invitations/accept', { slug, token });
  expect(accepted.body.redirectTo).toBe(`/t/${slug}/welcome`);
  return { slug, hr, member, recordId: created.body.id };
}

describe('joining', () => {
  it('starts with the consent screen: reading pre-filled from the record, nothing consented yet', async () => {
    const { slug, member } = await invitedAlumnus();
    const me = await member.get<Me>(`/api/v1/t/${slug}/community/me`);
    expect(me.status).toBe(200);
    expect(me.body.policyVersion).toBe(policyVersion);
    expect(me.body.profile).toMatchObject({
      reading: 'タカハシ ミサキ',
      onboarded: false,
      consents: { companyNews: false, listedInDirectory: false, companyContact: false, policyVersion: null },
    });
    expect(me.body.consentHistory).toEqual([]);
    // Set-up cannot be finished without answering the consent questions.
    const early = await member.post(`/api/v1/t/${slug}/community/me/onboarding/complete`);
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'consent_required' });
  });

  it('records each choice with time and wording version, and again on every change', async () => {
    const { slug, member, hr, recordId } = await invitedAlumnus();
    const choose = (choices: Record<string, unknown>, source = 'onboarding') =>
      member.put(`/api/v1/t/${slug}/community/me/consents?source=${source}`, {
        companyNews: true,
        listedInDirectory: true,
        companyContact: false,
        policyVersion,
        ...choices,
      });

    // An outdated wording version is refused and records nothing.
    const stale = await choose({ policyVersion: '2020-01' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'consent_policy_outdated' });
    expect((await member.get<Me>(`/api/v1/t/${slug}/community/me`)).body.consentHistory).toEqual([]);

    expect((await choose({})).status).toBe(200);
    let me = (await member.get<Me>(`/api/v1/t/${slug}/community/me`)).body;
    expect(me.consentHistory.map((e) => [e.purpose, e.granted, e.policyVersion, e.source]).sort()).toEqual([
      ['company_contact', false, policyVersion, 'onboarding'],
      ['company_news', true, policyVersion, 'onboarding'],
      ['directory_listing', true, policyVersion, 'onboarding'],
    ]);

    // Answering the same again records nothing; withdrawing one purpose records exactly that.
    await choose({});
    await choose({ companyNews: false }, 'settings');
    me = (await member.get<Me>(`/api/v1/t/${slug}/community/me`)).body;
    expect(me.consentHistory).toHaveLength(4);
    expect(me.consentHistory[0]).toMatchObject({
      purpose: 'company_news',
      granted: false,
      source: 'settings',
    });
    expect(me.profile.consents).toMatchObject({ companyNews: false, listedInDirectory: true });

    // "Company news" is HR's contact consent: the record follows it, with the change in its history.
    const record = await hr.get<{
      record: { contactConsent: string; consentSource: string; consentWordingVersion: string };
      history: { source: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    }>(`/api/v1/t/${slug}/registry/records/${recordId}`);
    expect(record.body.record).toMatchObject({
      contactConsent: 'withdrawn',
      consentSource: 'member:settings',
      consentWordingVersion: policyVersion,
    });
    expect(record.body.history.filter((h) => h.source === 'member').map((h) => h.changes)).toEqual([
      [{ field: 'contactConsent', from: 'granted', to: 'withdrawn' }],
    ]);

    const done = await member.post<{ onboarded: boolean }>(
      `/api/v1/t/${slug}/community/me/onboarding/complete`,
    );
    expect(done.body.onboarded).toBe(true);
  });

  it('rejects bad consent and profile input with field errors in the member’s language, changing nothing', async () => {
    const { slug, member } = await invitedAlumnus();
    const bad = await member.put(`/api/v1/t/${slug}/community/me/consents`, {
      companyNews: 'yes',
      listedInDirectory: true,
      policyVersion,
    });
    expect(bad.status).toBe(422);
    expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'companyContact',
      'companyNews',
    ]);
    const profile = await member.patch(`/api/v1/t/${slug}/community/me/profile`, {
      currentCompany: '新しい会社',
      hashtags: ['起業', '<script>'],
      links: [{ label: 'blog', url: 'javascript:alert(1)' }],
    });
    expect(profile.status).toBe(422);
    const paths = (profile.body as { errors: { path: string; message: string }[] }).errors;
    expect(paths.map((e) => e.path)).toContain('links.0.url');
    expect(paths.find((e) => e.path === 'links.0.url')!.message).toBe(
      'http:// または https:// で始まる URL を入力してください。',
    );
    const hashtagOnly = await member.patch(`/api/v1/t/${slug}/community/me/profile`, {
      currentCompany: '新しい会社',
      hashtags: ['起業', '<script>'],
    });
    expect(hashtagOnly.status).toBe(422);
    expect(hashtagOnly.body).toMatchObject({
      errors: [{ path: 'hashtags.1', code: 'field_invalid_hashtag' }],
    });
    const me = await member.get<{ profile: { currentCompany: string; hashtags: unknown[] } }>(
      `/api/v1/t/${slug}/community/me`,
    );
    expect(me.body.profile).toMatchObject({ currentCompany: '', hashtags: [] });
  });

  it('finds a member who joined through an invitation in the directory, before they edit their profile', async () => {
    const { slug, member, hr } = await invitedAlumnus();
    const people = async (client: TestClient, q: string) =>
      (
        await client.get<{ people: { displayName: string }[] }>(
          `/api/v1/t/${slug}/community/people?q=${encodeURIComponent(q)}`,
        )
      ).body.people.map((p) => p.displayName);
    const consent = await member.put(`/api/v1/t/${slug}/community/me/consents?source=onboarding`, {
      companyNews: false,
      listedInDirectory: true,
      companyContact: false,
      policyVersion,
    });
    expect(consent.status).toBe(200);
    // The name from HR's record and the reading it holds find them; nobody touched the profile.
    for (const q of ['髙橋', '高橋', 'たかはし', 'ミサキ', '高橋美咲', '髙橋 美咲']) {
      expect(await people(hr, q), q).toEqual(['髙橋 美咲']);
    }

    // Renamed by an administrator, they are found by the new name and no longer by the old one.
    const me = await member.get<{ profile: { id: string } }>(`/api/v1/t/${slug}/community/me`);
    const renamed = await hr.patch(`/api/v1/t/${slug}/members/${me.body.profile.id}`, {
      displayName: '佐藤 美咲',
    });
    expect(renamed.status).toBe(200);
    expect(await people(hr, '佐藤')).toEqual(['佐藤 美咲']);
    expect(await people(hr, '髙橋')).toEqual([]);
    // The reading HR held stays until the member changes it.
    expect(await people(hr, 'たかはし')).toEqual(['佐藤 美咲']);
  });

  it('finds a member by their former names only once they choose it; the registry finds them for HR either way', async () => {
    const { slug, member, hr, recordId } = await invitedAlumnus();
    const people = async (q: string) =>
      (
        await hr.get<{ people: { displayName: string }[] }>(
          `/api/v1/t/${slug}/community/people?q=${encodeURIComponent(q)}`,
        )
      ).body.people.map((p) => p.displayName);
    const records = async (q: string) =>
      (
        await hr.get<{ records: { familyName: string }[] }>(
          `/api/v1/t/${slug}/registry/records?q=${encodeURIComponent(q)}`,
        )
      ).body.records.map((r) => r.familyName);
    await member.put(`/api/v1/t/${slug}/community/me/consents?source=onboarding`, {
      companyNews: false,
      listedInDirectory: true,
      companyContact: false,
      policyVersion,
    });
    expect(
      (await hr.patch(`/api/v1/t/${slug}/registry/records/${recordId}`, { formerNames: ['佐藤'] })).status,
    ).toBe(200);

    // Off by default: the directory does not know the former name, HR's registry does.
    const me = await member.get<{ profile: { findableByFormerNames: boolean } }>(
      `/api/v1/t/${slug}/community/me`,
    );
    expect(me.body.profile.findableByFormerNames).toBe(false);
    expect(await people('佐藤')).toEqual([]);
    expect(await records('佐藤')).toEqual(['髙橋']);

    const on = await member.patch<{ findableByFormerNames: boolean }>(
      `/api/v1/t/${slug}/community/me/profile`,
      {
        findableByFormerNames: true,
      },
    );
    expect(on.status).toBe(200);
    expect(on.body.findableByFormerNames).toBe(true);
    for (const q of ['佐藤', '佐藤美咲', '佐藤 美咲', '髙橋'])
      expect(await people(q), q).toEqual(['髙橋 美咲']);
    // The former name is a way to find them, not something their profile shows.
    const seen = await hr.get<Record<string, unknown>>(
      `/api/v1/t/${slug}/community/people?q=${encodeURIComponent('佐藤')}`,
    );
    expect(JSON.stringify(seen.body)).not.toContain('佐藤');

    // HR corrects the former name on the record: the directory follows.
    await hr.patch(`/api/v1/t/${slug}/registry/records/${recordId}`, { formerNames: ['鈴木'] });
    expect(await people('鈴木')).toEqual(['髙橋 美咲']);
    expect(await people('佐藤')).toEqual([]);

    // So does an import that changes it (the record is matched by its address).
    const email = (
      await hr.get<{ record: { emails: string[] } }>(`/api/v1/t/${slug}/registry/records/${recordId}`)
    ).body.record.emails[0];
    const uploaded = await hr.upload<{ id: string; mapping: Record<string, string> }>(
      `/api/v1/t/${slug}/registry/imports?fileName=former.csv`,
      Buffer.from(`氏名,個人メールアドレス,旧姓\n髙橋 美咲,${email},田中\n`),
    );
    await hr.post(`/api/v1/t/${slug}/registry/imports/${uploaded.body.id}/check`, {
      mapping: uploaded.body.mapping,
    });
    await server.deps.jobs.drain();
    expect((await hr.post(`/api/v1/t/${slug}/registry/imports/${uploaded.body.id}/apply`)).status).toBe(202);
    await server.deps.jobs.drain();
    expect(await people('田中')).toEqual(['髙橋 美咲']);

    await member.patch(`/api/v1/t/${slug}/community/me/profile`, { findableByFormerNames: false });
    expect(await people('田中')).toEqual([]);
    expect(await records('田中')).toEqual(['髙橋']);
    expect(await people('髙橋')).toEqual(['髙橋 美咲']);
  });
});
