import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { mailOutbox, programmeDeliveries, segments } from '../../db/schema/index.js';
import { enterTenant, inTenant } from '../../db/scope.js';
import { type CommunityMember, communityMember } from '../../test/community-factories.js';
import { createTestTenant, signIn } from '../../test/factories.js';
import type { TestServer } from '../../test/harness.js';
import { audienceMember, audienceRecord } from '../programmes/audience/audience-factories.js';

export type Campaign = {
  id: string;
  status: string;
  recipientCount: number;
  sendAt: string | null;
  counts: { queued: number; sent: number; failed: number; bounced: number; unsubscribed: number };
  articles: { id: string; title: string }[];
};
export type Preview = {
  reached: number;
  reachedMembers: number;
  reachedRecords: number;
  leftOut: { reason: string; count: number; sample: string[] }[];
};

/**
 * A network ready to send newsletters: a sender, staff, a segment (営業) with a consenting member, a
 * member without consent, a consenting record that has not joined, one without consent, one whose
 * address bounced, and a consenting record outside the segment; plus a published article.
 */
export async function newsletterNetwork(server: TestServer, options: { sender?: boolean } = {}) {
  const created = await createTestTenant(server);
  const tenantId = created.tenant.id;
  const tenant = { id: tenantId, slug: created.slug };
  const owner = await signIn(server, created.ownerEmail);
  if (options.sender !== false) {
    const set = await owner.patch(`/api/v1/t/${created.slug}/settings`, {
      senderName: '縁テスト株式会社 人事部',
      senderAddress: '東京都千代田区丸の内1-1-1',
      senderContact: 'alumni@example.com',
    });
    expect(set.status).toBe(200);
  }
  const staff = await communityMember(server, tenant, { role: 'admin', displayName: '人事 広報' });
  const desk = `/api/v1/t/${created.slug}/news-desk`;
  const segmentId = await server.deps.database.db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    const [segment] = await tx
      .insert(segments)
      .values({ tenantId, name: '営業部出身', filter: { department: '営業' } })
      .returning();
    return segment!.id;
  });
  const sales = { lastDepartment: '営業' };
  const people = {
    member: await audienceMember(server, tenantId, {
      displayName: '同意 花子',
      consents: ['company_news'],
      record: sales,
    }),
    noConsentMember: await audienceMember(server, tenantId, { displayName: '未同意 太郎', record: sales }),
    record: await audienceRecord(server, tenantId, {
      familyName: '記録',
      givenName: '一郎',
      contactConsent: 'granted',
      consentSource: 'exit_survey',
      consentWordingVersion: 'exit-2026',
      ...sales,
    }),
    noConsentRecord: await audienceRecord(server, tenantId, { familyName: '未同意記録', ...sales }),
    bouncedRecord: await audienceRecord(
      server,
      tenantId,
      { familyName: '不達', contactConsent: 'granted', ...sales },
      { bounced: true },
    ),
    otherDepartment: await audienceRecord(server, tenantId, {
      familyName: '他部署',
      contactConsent: 'granted',
      lastDepartment: '開発',
    }),
  };
  const categories = (
    await staff.client.get<{ categories: { id: string }[] }>(`/api/v1/t/${created.slug}/news/categories`)
  ).body.categories;
  const article = await staff.client.post<{ id: string }>(`${desk}/articles`, {
    title: '新しい人事制度のお知らせ',
    body: '副業が認められました。詳しくは記事をご覧ください。',
    categoryId: categories[0]!.id,
  });
  expect(article.status).toBe(201);
  expect((await staff.client.post(`${desk}/articles/${article.body.id}/publish`)).status).toBe(200);
  const draftArticle = await staff.client.post<{ id: string }>(`${desk}/articles`, {
    title: '下書き',
    body: '本文',
    categoryId: categories[0]!.id,
  });
  return {
    server,
    tenantId,
    slug: created.slug,
    owner,
    staff,
    desk,
    segmentId,
    people,
    articleId: article.body.id,
    draftArticleId: draftArticle.body.id,
  };
}

export type NewsletterNetwork = Awaited<ReturnType<typeof newsletterNetwork>>;

export const intro =
  'いつもアルムナイネットワークをご覧いただきありがとうございます。今月は新しい人事制度と、来月の交流会についてお知らせします。ぜひご一読ください。';

export async function draft(n: NewsletterNetwork, staff: CommunityMember = n.staff) {
  const res = await staff.client.post<Campaign>(`${n.desk}/newsletters`, {
    subject: '12月のアルムナイ通信',
    intro,
    articleIds: [n.articleId],
    audience: { records: true, segmentId: n.segmentId },
  });
  expect(res.status).toBe(201);
  return res.body;
}

export function read<T>(n: NewsletterNetwork, work: Parameters<typeof inTenant<T>>[2]) {
  return inTenant(n.server.deps.database.db, n.tenantId, work);
}

export async function outboxFor(n: NewsletterNetwork, campaignId: string) {
  return read(n, (tx) =>
    tx
      .select({ delivery: programmeDeliveries, mail: mailOutbox })
      .from(programmeDeliveries)
      .innerJoin(mailOutbox, eq(mailOutbox.id, programmeDeliveries.outboxMailId))
      .where(
        and(
          eq(programmeDeliveries.programmeKind, 'newsletter'),
          eq(programmeDeliveries.programmeId, campaignId),
        ),
      ),
  );
}

export const oneClick = (header: string) =>
  fetch(header.slice(1, -1), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
