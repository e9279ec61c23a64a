import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceRecord } from '../server/modules/programmes/audience/audience-factories.js';
import { japanToday, monthsBefore, runPulses } from '../server/modules/surveys/run-pulses.js';
import { exitSurvey, wording } from '../server/modules/surveys/test-surveys.js';
import { tenantWithMember } from '../server/test/factories.js';
import { startTestServer, type TestServer } from '../server/test/harness.js';
import { hasChromium, launchChromium, openMailLink, phone, signInByMail, webRoot } from './browser.js';
import { checkScreen } from './screens.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startTestServer({}, { webRoot });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const heading = (page: Page, name: string, level = 1) =>
  page.getByRole('heading', { level, name, exact: true }).waitFor();

describe.skipIf(!hasChromium)('lifecycle pulses on a phone', () => {
  it('a leaver who never joined answers the 3-month pulse from the mail; HR sees the result and the would-return segment', async () => {
    const { slug, tenant, member: hr, client } = await tenantWithMember(server, 'admin');
    const base = `/api/v1/t/${slug}`;
    // The survey HR built: named, its first question records would-return.
    const survey = exitSurvey('named');
    const created = await client.post<{ id: string }>(`${base}/surveys`, {
      ...survey,
      texts: { ...survey.texts, title: wording('退職後 3 か月アンケート', '3 months after leaving') },
      questions: survey.questions.map((q) =>
        q.id === 'q1' ? { ...q, wouldReturn: { yes: ['yes'], no: ['no'] } } : q,
      ),
    });
    await client.post(`${base}/surveys/${created.body.id}/status`, { status: 'open' });
    const leftOn = monthsBefore(japanToday(new Date()), 3).toISOString().slice(0, 10);
    const leaver = await audienceRecord(server, tenant.id, {
      familyName: '復帰',
      givenName: '希望',
      leftOn,
      contactConsent: 'granted',
    });
    const segment = await client.post<{ id: string }>(`${base}/registry/segments`, {
      name: '再入社の意向あり',
      filter: { wouldReturn: ['yes'] },
    });

    // HR turns the 3-month pulse on in the console.
    const desk = await (await browser.newContext({ ...phone, locale: 'ja-JP' })).newPage();
    await signInByMail(desk, server, hr.email);
    await desk.goto(`${server.publicUrl}/t/${slug}/admin/surveys`);
    await heading(desk, '定期アンケート（退職後の節目）', 3);
    const stage = desk.getByRole('group', { name: '退職後 3 か月', exact: true });
    await stage.getByLabel('送るアンケート').selectOption({ label: '退職後 3 か月アンケート' });
    await stage.getByLabel('送信期間（日）').fill('14');
    await desk.getByRole('button', { name: '定期アンケートを保存' }).click();
    await desk.getByText('定期アンケートの設定を保存しました。').waitFor();
    expect((await checkScreen(desk, 'pulse settings')).violations).toEqual([]);

    // In the builder, a single choice question of a named survey can record would-return.
    await desk.goto(`${server.publicUrl}/t/${slug}/admin/surveys/new`);
    await desk.getByLabel('タイトル（日本語）').fill('退職後 6 か月アンケート');
    await desk.getByLabel('質問文（日本語）').fill('いつか戻ってきたいと思いますか');
    await desk.getByLabel('選択肢 1（日本語）').fill('思う');
    await desk.getByLabel('選択肢 2（日本語）').fill('思わない');
    await desk.getByLabel('この質問の回答で「再入社の意向」を記録する').check();
    await desk
      .getByLabel('思わない', { exact: true })
      .selectOption({ label: '戻るつもりはない（意向なし）' });
    expect((await checkScreen(desk, 'would-return editor')).violations).toEqual([]);
    await desk.getByRole('button', { name: '下書きを保存' }).click();
    await desk.getByText('下書きを保存しました。').waitFor();
    const drafts = await client.get<{
      surveys: { texts: { title: { ja: string } }; questions: { wouldReturn: unknown }[] }[];
    }>(`${base}/surveys`);
    const sixMonths = drafts.body.surveys.find((s) => s.texts.title.ja === '退職後 6 か月アンケート');
    expect(sixMonths?.questions[0]?.wouldReturn).toEqual({ yes: ['o1'], no: ['o2'] });

    // The morning run mails the leaver a link of their own; they answer on the phone, without signing in.
    await runPulses(server.deps);
    const phonePage = await (await browser.newContext({ ...phone, locale: 'ja-JP' })).newPage();
    await openMailLink(
      phonePage,
      server,
      leaver.email!,
      `【${tenant.nameJa}】アンケート「退職後 3 か月アンケート」へのご協力のお願い`,
    );
    await heading(phonePage, '退職後 3 か月アンケート');
    await phonePage.getByText('このアンケートは記名式です', { exact: false }).waitFor();
    const page = await checkScreen(phonePage, 'survey link');
    expect(page.violations).toEqual([]);
    expect(page.overflow).toBeLessThanOrEqual(0);
    await phonePage.getByRole('radio', { name: 'はい' }).check();
    await phonePage.getByRole('button', { name: '回答を送信する' }).click();
    // NPS is required: the message stands next to it and nothing is stored.
    await phonePage.getByText('この質問は回答必須です。').waitFor();
    await phonePage
      .getByRole('group', { name: /友人にすすめたいですか/ })
      .getByRole('radio', { name: '9' })
      .check();
    await phonePage.getByRole('button', { name: '回答を送信する' }).click();
    await heading(phonePage, 'ご回答ありがとうございました', 2);
    // The link is single-use: opened again, it says thank you instead of asking twice.
    await phonePage.reload();
    await heading(phonePage, 'ご回答ありがとうございました', 2);

    // HR: the result, the record's would-return with its history, and the segment that now holds them.
    await desk.goto(`${server.publicUrl}/t/${slug}/admin/surveys/${created.body.id}`);
    await heading(desk, '退職後 3 か月アンケート', 2);
    await desk.getByText('1 人が回答').first().waitFor();
    // Asking the survey's own audience (members) too: HR is told how many were reached.
    await desk.getByRole('button', { name: '回答依頼を送る' }).click();
    await desk.getByText('アプリで 0 人に通知し、メールを 0 通送りました。').waitFor();
    await desk.goto(`${server.publicUrl}/t/${slug}/admin/registry/${leaver.id}`);
    await desk.getByText('アンケートの回答', { exact: false }).waitFor();
    await desk.getByText('再入社希望: 未回答 → あり').waitFor();
    await desk.getByText('退職後 3 か月アンケート', { exact: false }).first().waitFor();
    await desk.goto(`${server.publicUrl}/t/${slug}/admin/registry?segment=${segment.body.id}`);
    await desk.getByRole('link', { name: '復帰 希望', exact: false }).waitFor();
  });

  it('in English: the pulse settings and the survey link page pass axe and fit the phone', async () => {
    const { slug, tenant, client } = await tenantWithMember(server, 'admin');
    const base = `/api/v1/t/${slug}`;
    const created = await client.post<{ id: string }>(`${base}/surveys`, {
      ...exitSurvey('named'),
      texts: {
        ...exitSurvey('named').texts,
        title: wording('退職後 3 か月アンケート', '3 months after leaving'),
      },
    });
    await client.post(`${base}/surveys/${created.body.id}/status`, { status: 'open' });
    await client.put(`${base}/surveys/pulses`, { stages: [{ months: 3, surveyId: created.body.id }] });
    const leaver = await audienceRecord(server, tenant.id, {
      familyName: 'Leaver',
      leftOn: monthsBefore(japanToday(new Date()), 3).toISOString().slice(0, 10),
      contactConsent: 'granted',
    });
    // In English, signed in as HR (the API client's session) or signed out.
    const english = async (cookies = new Map<string, string>()) => {
      const context = await browser.newContext({ ...phone, locale: 'en-US' });
      const url = server.publicUrl;
      await context.addCookies([
        { name: 'enishi_lang', value: 'en', url },
        ...[...cookies].map(([name, value]) => ({ name, value, url })),
      ]);
      return context.newPage();
    };

    const desk = await english(client.cookies);
    await desk.goto(`${server.publicUrl}/t/${slug}/admin/surveys`);
    await heading(desk, 'Pulse surveys after leaving', 3);
    const settings = await checkScreen(desk, 'pulse settings (en)');
    expect(settings.violations).toEqual([]);
    expect(settings.overflow).toBeLessThanOrEqual(0);

    await runPulses(server.deps);
    const phonePage = await english();
    await openMailLink(phonePage, server, leaver.email!);
    await heading(phonePage, '3 months after leaving');
    await phonePage.getByText('This survey is named: HR will read your answers.').waitFor();
    const page = await checkScreen(phonePage, 'survey link (en)');
    expect(page.violations).toEqual([]);
    expect(page.overflow).toBeLessThanOrEqual(0);
  });
});
