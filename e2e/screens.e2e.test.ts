import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events } from '../server/db/schema/index.js';
import { enterTenant } from '../server/db/scope.js';
import { exitSurvey } from '../server/modules/surveys/test-surveys.js';
import type { TestClient } from '../server/test/client.js';
import {
  communityMember,
  linkedRecord,
  photoBytes,
  policyVersion,
} from '../server/test/community-factories.js';

const screenSurvey = exitSurvey('named');

import { createTestTenant, signIn } from '../server/test/factories.js';
import { browserSuite, hasChromium, narrowPhone } from './browser.js';
import { checkScreen, type ScreenCheck } from './screens.js';
import { checkInScreens, fakeCameraArgs } from './screens-check-in.js';

async function ok<T>(pending: Promise<{ status: number; body: T }>): Promise<T> {
  const response = await pending;
  if (response.status >= 300)
    throw new Error(`seeding failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

type Tour = {
  slug: string;
  owner: TestClient;
  alumnus: TestClient;
  /** The published event the alumnus is confirmed for. */
  eventId: string;
  screens: Record<string, string[]>;
};
let tour: Tour;
// The network is seeded once, as the server starts.
const suite = browserSuite(
  async () => {
    tour = await seed();
  },
  { chromiumArgs: fakeCameraArgs },
);

/** A network with something on every screen: posts, a comment, reactions, a group, a tag, messages, records. */
async function seed(): Promise<Tour> {
  const { tenant, slug, ownerEmail } = await createTestTenant(suite.server);
  const owner = await signIn(suite.server, ownerEmail);
  await ok(
    owner.put(`/api/v1/t/${slug}/community/me/consents?source=onboarding`, {
      companyNews: false,
      listedInDirectory: true,
      companyContact: false,
      policyVersion,
    }),
  );
  await ok(owner.post(`/api/v1/t/${slug}/community/me/onboarding/complete`));
  const member = await communityMember(
    suite.server,
    { id: tenant.id, slug },
    {
      displayName: '山田 太郎',
      profile: {
        hashtags: ['起業'],
        intents: ['casual_chat'],
        bio: '元営業部です。',
        currentCompany: '株式会社サンプル',
      },
    },
  );
  const other = await communityMember(
    suite.server,
    { id: tenant.id, slug },
    { displayName: '佐藤 花子', profile: { hashtags: ['起業'] } },
  );
  await linkedRecord(suite.server, tenant, member.id, {
    familyName: '山田',
    leftOn: '2022-03-31',
    lastDepartment: '営業部',
  });
  const base = `/api/v1/t/${slug}`;
  const group = await ok(
    member.client.post<{ id: string }>(`${base}/community/groups`, {
      name: '起業の会',
      visibility: 'open',
      hashtags: ['起業'],
      description: '起業した人、考えている人の集まり',
    }),
  );
  const post = await ok(
    member.client.post<{ id: string }>(`${base}/community/posts`, {
      body: '#起業 の話をしましょう。**ぜひ**どうぞ。',
    }),
  );
  await ok(other.client.post(`${base}/community/posts/${post.id}/comments`, { body: '参加します！' }));
  await ok(other.client.put(`${base}/community/posts/${post.id}/reactions/like`, {}));
  await ok(owner.post(`${base}/community/posts`, { body: '会社からのお知らせです。', announcement: true }));
  const conversation = await ok(
    member.client.post<{ id: string }>(`${base}/community/conversations`, { memberId: other.id }),
  );
  await ok(
    member.client.post(`${base}/community/conversations/${conversation.id}/messages`, {
      body: 'お久しぶりです。',
    }),
  );
  const company = await ok(member.client.post<{ id: string }>(`${base}/community/conversations`, {}));
  await ok(
    member.client.post(`${base}/community/conversations/${company.id}/messages`, {
      body: '再入社について相談させてください。',
    }),
  );
  const record = await ok(
    owner.post<{ id: string }>(`${base}/registry/records`, {
      familyName: '鈴木',
      givenName: '一郎',
      familyNameKana: 'スズキ',
      givenNameKana: 'イチロウ',
      employeeNumber: 'E-1001',
      leftOn: '2021-09-30',
      lastDepartment: '開発部',
      contactConsent: 'granted',
      emails: ['ichiro.suzuki@example.jp'],
    }),
  );
  // The exit survey, and a live link for the record: its signed-out page and the record's card.
  const exitChoice = await ok(
    owner.post<{ id: string }>(`${base}/surveys`, {
      ...screenSurvey,
      questions: screenSurvey.questions.map((q) =>
        q.id === 'q1' ? { ...q, wouldReturn: { yes: ['yes'], no: ['no'] } } : q,
      ),
    }),
  );
  await ok(owner.post(`${base}/surveys/${exitChoice.id}/status`, { status: 'open' }));
  await ok(owner.put(`${base}/surveys/exit`, { surveyId: exitChoice.id }));
  const exitLink = await ok(
    owner.post<{ url: string }>(`${base}/registry/records/${record.id}/exit-survey-link`, { send: false }),
  );
  const { categories } = await ok(owner.get<{ categories: { id: string }[] }>(`${base}/news/categories`));
  const article = await ok(
    owner.post<{ id: string }>(`${base}/news-desk/articles`, {
      title: '新しい働き方の制度について',
      body: '## 概要\n\n**4月から**副業を届け出制で認めます。\n\n- 対象：全社員\n- 申請：人事部へ',
      categoryId: categories[1]!.id,
      allowComments: true,
    }),
  );
  await ok(owner.post(`${base}/news-desk/articles/${article.id}/publish`));
  const articleComment = await ok(
    other.client.post<{ id: string }>(`${base}/news/articles/${article.id}/comments`, {
      body: '良い制度ですね。',
    }),
  );
  // Reported, so the moderation queue shows a comment on an article beside the community's own.
  await ok(
    member.client.post(`${base}/community/reports`, {
      targetType: 'article_comment',
      targetId: articleComment.id,
      reason: 'other',
      note: '確認をお願いします',
    }),
  );
  // A newsletter sent to the consenting record who has not joined, so its recipients screen has a row;
  // opens and clicks are counted, so both screens show them too.
  await ok(
    owner.patch(`${base}/settings`, {
      senderAddress: '〒100-0005 東京都千代田区丸の内1-1-1',
      senderContact: 'alumni@example.jp',
      newsletterTracking: true,
    }),
  );
  const newsletter = await ok(
    owner.post<{ id: string }>(`${base}/news-desk/newsletters`, {
      subject: '12月のアルムナイ通信',
      intro: '今月は新しい働き方の制度をお知らせします。',
      articleIds: [article.id],
      audience: { members: false, records: true },
    }),
  );
  await ok(owner.post(`${base}/news-desk/newsletters/${newsletter.id}/send`));
  // A survey with every question type, open to members, answered by nobody yet; and a draft.
  const survey = await ok(owner.post<{ id: string }>(`${base}/surveys`, screenSurvey));
  await ok(owner.post(`${base}/surveys/${survey.id}/status`, { status: 'open' }));
  const draftSurvey = await ok(owner.post<{ id: string }>(`${base}/surveys`, screenSurvey));
  // An open comeback role the alumnus is interested in, so the member and pipeline screens have a card.
  const opening = await ok(
    owner.post<{ id: string }>(`${base}/opportunities`, {
      kind: 'comeback',
      title: 'プロダクトマネージャー（カムバック採用）',
      body: '**歓迎**します。経験を活かしてください。',
      status: 'open',
    }),
  );
  await ok(
    member.client.put(`${base}/community/opportunities/${opening.id}/interest`, {
      message: '話を聞きたいです',
    }),
  );
  // A published hybrid event the alumnus registered for, so the console's event screens have a row.
  const cover = await ok(owner.upload<{ id: string }>(`${base}/events/images`, await photoBytes(1200, 600)));
  const startsAt = new Date(Date.now() + 3 * 86_400_000);
  const event = await ok(
    owner.post<{ id: string }>(`${base}/events`, {
      title: 'アルムナイ交流会',
      coverImageId: cover.id,
      coverAlt: '本社ラウンジで談笑する参加者',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      format: 'hybrid',
      meetingUrl: 'https://meet.example.jp/alumni',
      venue: '本社 10 階 ラウンジ',
      capacityInPerson: 20,
      questions: [{ id: 'q1', kind: 'text', label: '聞いてみたいこと' }],
    }),
  );
  await ok(owner.post(`${base}/events/${event.id}/publish`));
  await ok(
    member.client.post(`${base}/community/events/${event.id}/registration`, {
      mode: 'in_person',
      answers: { q1: '新規事業について' },
    }),
  );
  // A past event with materials: made for tomorrow, then moved back (the API refuses a past start).
  const pastEvent = await ok(
    owner.post<{ id: string }>(`${base}/events`, {
      title: '秋の勉強会',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      format: 'online',
      meetingUrl: 'https://meet.example.jp/study',
    }),
  );
  await ok(owner.post(`${base}/events/${pastEvent.id}/publish`));
  await ok(
    owner.post(`${base}/events/${pastEvent.id}/materials`, {
      title: '当日のスライド',
      url: 'https://example.jp/slides.pdf',
      note: '第 2 部の資料です',
    }),
  );
  await ok(
    owner.post(`${base}/events/${pastEvent.id}/materials`, {
      title: '録画',
      url: 'https://video.example.jp/watch?v=1',
      attendeesOnly: true,
    }),
  );
  await suite.server.deps.database.db.transaction(async (tx) => {
    await enterTenant(tx, tenant.id);
    await tx
      .update(events)
      .set({ startsAt: new Date(Date.now() - 26 * 3_600_000), endsAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(and(eq(events.tenantId, tenant.id), eq(events.id, pastEvent.id)));
  });
  // Two career chat slots of the owner's: one the alumnus booked, one still open.
  const inDays = (days: number) =>
    new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + days * 86_400_000);
  const chatSlots = await Promise.all(
    [2, 3].map((days) =>
      ok(
        owner.post<{ id: string }>(`${base}/community/career-chats/hosted`, {
          startsAt: inDays(days).toISOString(),
          minutes: 30,
          placeKind: 'online',
          place: 'https://meet.example.jp/enishi-chat',
          topic: days === 2 ? 'comeback' : 'company',
          note: '復職の流れや、いまのチームについてお話しします。',
        }),
      ),
    ),
  );
  await ok(
    member.client.post(`${base}/community/career-chats/slots/${chatSlots[0]!.id}/booking`, {
      message: '復職について伺いたいです',
    }),
  );
  // A proposal the alumnus sent, answered and made public, so both sides have a card with a reply.
  const proposal = await ok(
    member.client.post<{ id: string }>(`${base}/community/proposals`, {
      title: 'アルムナイ向けの社内勉強会の公開',
      body: '社内勉強会の一部をアルムナイにも公開してはいかがでしょうか。',
      category: 'community',
    }),
  );
  await ok(
    owner.patch(`${base}/proposals/${proposal.id}`, {
      status: 'reviewing',
      public: true,
      publicReply: 'ありがとうございます。来期から試行します。',
    }),
  );
  await suite.server.deps.jobs.drain();
  const t = `/t/${slug}`;
  return {
    slug,
    owner,
    alumnus: member.client,
    eventId: event.id,
    screens: {
      signedOut: [
        new URL(exitLink.url).pathname + new URL(exitLink.url).hash,
        '/',
        '/signin',
        '/signup',
        `/join/${slug}`,
        '/auth/verify',
        '/dev/mailbox',
        '/no/such/page',
        `/stop/${slug}`,
        `/exit/${slug}`,
      ],
      alumnus: [
        '/tenants',
        '/account',
        t,
        `${t}/people`,
        `${t}/people/${other.id}`,
        `${t}/groups`,
        `${t}/groups/${group.id}`,
        `${t}/hashtags`,
        `${t}/hashtags/${encodeURIComponent('起業')}`,
        `${t}/me`,
        `${t}/notifications`,
        `${t}/posts/${post.id}`,
        `${t}/news`,
        `${t}/news/${article.id}`,
        `${t}/messages`,
        `${t}/messages/${conversation.id}`,
        `${t}/welcome`,
        `${t}/surveys`,
        `${t}/surveys/${survey.id}`,
        `${t}/opportunities`,
        `${t}/opportunities/${opening.id}`,
        `${t}/chats`,
        `${t}/proposals`,
        `${t}/proposals/${proposal.id}`,
        `${t}/events`,
        `${t}/events?when=mine`,
        `${t}/events?when=past`,
        `${t}/events/${event.id}`,
        `${t}/events/${pastEvent.id}`,
      ],
      owner: [
        `${t}/admin`,
        `${t}/admin/members`,
        `${t}/admin/registry`,
        `${t}/admin/registry/${record.id}`,
        `${t}/admin/import`,
        `${t}/admin/invite`,
        `${t}/admin/invitations`,
        `${t}/admin/segments`,
        `${t}/admin/requests`,
        `${t}/admin/fields`,
        `${t}/admin/surveys`,
        `${t}/admin/surveys/new`,
        `${t}/admin/surveys/${draftSurvey.id}/edit`,
        `${t}/admin/surveys/${survey.id}`,
        `${t}/admin/surveys/${survey.id}/report`,
        `${t}/admin/audit`,
        `${t}/admin/outcomes`,
        `${t}/admin/settings`,
        `${t}/admin/news`,
        `${t}/admin/news/new`,
        `${t}/admin/news/${article.id}`,
        `${t}/admin/news/newsletters`,
        `${t}/admin/news/newsletters/${newsletter.id}`,
        `${t}/admin/news/newsletters/${newsletter.id}/deliveries`,
        `${t}/admin/opportunities`,
        `${t}/admin/opportunities/pipeline`,
        `${t}/admin/opportunities/${opening.id}`,
        `${t}/admin/chats`,
        `${t}/admin/events`,
        `${t}/admin/events/new`,
        `${t}/admin/events/${event.id}`,
        `${t}/admin/events/${event.id}/registrations`,
        `${t}/admin/events/${event.id}/check-in`,
        `${t}/admin/events/${event.id}/materials`,
        `${t}/admin/events/${event.id}/survey`,
        `${t}/admin/events/${pastEvent.id}/materials`,
        `${t}/admin/proposals`,
        `${t}/admin/outcomes/report`,
        `${t}/chats`,
        `${t}/moderation`,
        `${t}/news/${article.id}`,
        `${t}/inbox`,
        `${t}/inbox/${company.id}`,
      ],
    },
  };
}

async function visitAll(
  client: TestClient | null,
  paths: string[],
  language: 'ja' | 'en',
): Promise<ScreenCheck[]> {
  const { context, page } = await suite.pageAs(client, { language, size: narrowPhone });
  const checks: ScreenCheck[] = [];
  for (const path of paths) {
    await page.goto(`${suite.server.publicUrl}${path}`);
    checks.push(await checkScreen(page, `${language} ${path}`));
  }
  await context.close();
  return checks;
}

function expectClean(checks: ScreenCheck[]) {
  for (const check of checks)
    if (check.violations.length || check.overflow > 0) console.log('SCREEN', JSON.stringify(check));
  expect(checks.filter((check) => check.violations.length > 0)).toEqual([]);
  expect(
    checks.filter((check) => check.overflow > 0).map(({ screen, overflow }) => ({ screen, overflow })),
  ).toEqual([]);
}

describe.skipIf(!hasChromium)('every screen at 360 px, in Japanese and English', () => {
  for (const language of ['ja', 'en'] as const) {
    it(`signed out (${language}): no axe violations, no sideways scrolling`, {
      timeout: 300_000,
    }, async () => {
      expectClean(await visitAll(null, tour.screens.signedOut!, language));
    });

    it(`an alumnus (${language}): no axe violations, no sideways scrolling`, {
      timeout: 300_000,
    }, async () => {
      expectClean(await visitAll(tour.alumnus, tour.screens.alumnus!, language));
    });

    it(`the owner (${language}): no axe violations, no sideways scrolling`, {
      timeout: 300_000,
    }, async () => {
      expectClean(await visitAll(tour.owner, tour.screens.owner!, language));
    });

    it(`check-in after a tap (${language}): the member's QR code and the camera's states`, {
      timeout: 300_000,
    }, async () => {
      const { slug, eventId, alumnus: member, owner: staff } = tour;
      expectClean(await checkInScreens(suite, { slug, eventId, member, staff }, language));
    });
  }
});
