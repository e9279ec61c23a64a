import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import {
  consentEvents,
  groupHashtags,
  groupMembers,
  groups,
  hashtagFollows,
  hashtags,
  type Intent,
  memberHashtags,
  memberProfiles,
  memberSearchTokens,
  type ProfileVisibility,
  postHashtags,
  posts,
} from '../db/schema/index.js';
import { consentPolicyVersion } from '../modules/community/consents.js';
import { hashtagsInText, normaliseHashtag } from '../modules/community/hashtags/normalise-hashtag.js';
import { memberSearchOf } from '../modules/community/member-search.js';
import { renderMarkdown } from '../modules/community/posts/render-markdown.js';
import { postHashtagCopy } from '../modules/community/posts/write-posts.js';

export const demoHashtags = [
  '起業',
  '新規事業',
  'AWS',
  'データ分析',
  'DX推進',
  'プロダクトマネジメント',
  '採用',
  '子育て',
  'リスキリング',
  '地方創生',
  'セキュリティ',
  '生成AI',
  '副業',
  'マーケティング',
  '金融',
  'UXデザイン',
];
const companies = [
  '株式会社ミライテック',
  '合同会社ひかり',
  'フリーランス',
  '株式会社グローバルリンク',
  '東都大学',
  '株式会社さくらデータ',
  '',
];
const titles = ['エンジニア', 'プロダクトマネージャー', '代表取締役', 'コンサルタント', '研究員', ''];
const intentCycle: Intent[][] = [
  ['casual_chat'],
  ['collaboration', 'casual_chat'],
  ['job_info'],
  [],
  ['mentoring', 'speaking'],
];

const seedVisibility = (i: number): ProfileVisibility => (i % 2 === 0 ? { tenure: 'members' } : {});

export type SeedMember = { membershipId: string; displayName: string; reading: string };

/**
 * Community profiles for members created in bulk (the demo network, benchmarks): consents answered,
 * most listed in the directory, a few hashtags each, some follows. Deterministic by position.
 */
export async function seedCommunityProfiles(
  tx: Queryable,
  tenantId: string,
  members: SeedMember[],
  tagPool = demoHashtags,
) {
  const tags = await tx
    .insert(hashtags)
    .values(tagPool.map((label) => ({ tenantId, ...normaliseHashtag(label)! })))
    .onConflictDoNothing()
    .returning({ id: hashtags.id });
  const tagIds = tags.map((tag) => tag.id);
  const now = new Date();
  const batch = 2000;
  for (let start = 0; start < members.length; start += batch) {
    const slice = members.slice(start, start + batch);
    const searches = slice.map((member, offset) =>
      memberSearchOf({
        displayName: member.displayName,
        kana: member.reading,
        visibility: seedVisibility(start + offset),
        findableByFormerNames: false,
        formerNames: [],
      }),
    );
    await tx.insert(memberProfiles).values(
      slice.map((member, offset) => {
        const i = start + offset;
        return {
          tenantId,
          membershipId: member.membershipId,
          displayNameKana: member.reading,
          currentCompany: companies[i % companies.length]!,
          currentTitle: titles[i % titles.length]!,
          intents: intentCycle[i % intentCycle.length]!,
          bio: i % 3 === 0 ? '退職後も、ゆるくつながれたら嬉しいです。' : '',
          visibility: seedVisibility(i),
          companyNews: i % 5 !== 4,
          listedInDirectory: i % 10 !== 9,
          companyContact: i % 4 === 0,
          consentPolicyVersion,
          readingKey: searches[offset]!.readingKey,
          searchText: searches[offset]!.searchText,
          onboardedAt: now,
        };
      }),
    );
    await tx.insert(consentEvents).values(
      slice.flatMap((member, offset) => {
        const i = start + offset;
        const choices = [
          ['company_news', i % 5 !== 4],
          ['directory_listing', i % 10 !== 9],
          ['company_contact', i % 4 === 0],
        ] as const;
        return choices.map(([purpose, granted]) => ({
          tenantId,
          membershipId: member.membershipId,
          purpose,
          granted,
          policyVersion: consentPolicyVersion,
          source: 'onboarding' as const,
          createdAt: now,
        }));
      }),
    );
    const tokens = slice.flatMap((member, offset) =>
      searches[offset]!.tokens.map((token) => ({ tenantId, token, membershipId: member.membershipId })),
    );
    // Stay well under PostgreSQL's 65,535 parameters per statement.
    for (let i = 0; i < tokens.length; i += 10_000) {
      await tx.insert(memberSearchTokens).values(tokens.slice(i, i + 10_000));
    }
    if (tagIds.length > 0) {
      await tx.insert(memberHashtags).values(
        slice.flatMap((member, offset) => {
          const i = start + offset;
          const chosen = [
            ...new Set([i % tagIds.length, (i * 7 + 3) % tagIds.length, (i * 13 + 5) % tagIds.length]),
          ];
          return chosen.slice(0, 1 + (i % 3)).map((t, position) => ({
            tenantId,
            hashtagId: tagIds[t]!,
            membershipId: member.membershipId,
            position,
          }));
        }),
      );
      await tx.insert(hashtagFollows).values(
        slice.flatMap((member, offset) => {
          const i = start + offset;
          return [...new Set([(i * 3) % tagIds.length, (i * 5 + 1) % tagIds.length])].map((t) => ({
            tenantId,
            membershipId: member.membershipId,
            hashtagId: tagIds[t]!,
          }));
        }),
      );
    }
  }
}

const demoGroups = [
  {
    name: '起業・独立の会',
    description: '起業した人、これからの人。資金調達や採用の悩みも気軽に。',
    hashtags: ['起業'],
  },
  {
    name: 'AWS・クラウド勉強会',
    description: '月に一度のオンライン勉強会と、資料の共有をしています。',
    hashtags: ['AWS'],
  },
  {
    name: '子育てしながら働く',
    description: '両立の工夫や、復職・転職の体験談を話す場です。',
    hashtags: ['子育て'],
  },
  {
    name: 'データ分析・生成AI',
    description: '業務での活用事例を持ち寄りましょう。',
    hashtags: ['データ分析', '生成AI'],
  },
];
const demoPostBodies = [
  '独立して 2 年になりました。受託開発の相談があればお気軽にどうぞ。 #起業 #副業',
  '来月、AWS の資格勉強会をオンラインでやります。参加したい方はコメントください！ #AWS',
  '育休から復帰して半年。**時短勤務**の工夫を共有します。 #子育て',
  '生成AIを社内のデータ分析に使い始めました。事例を書いたのでご覧ください。 #生成AI #データ分析',
  '地方でのサテライトオフィス立ち上げを手伝っています。 #地方創生',
  'プロダクトマネージャーの採用、どこも苦労していますね。情報交換しませんか。 #採用 #プロダクトマネジメント',
];

/** A few groups and a lively-looking timeline for the demo network, with one pinned announcement. */
export async function seedDemoPosts(
  tx: Queryable,
  tenant: { id: string; slug: string },
  memberIds: string[],
  staffId: string,
) {
  const tagRows = await tx
    .select({ id: hashtags.id, key: hashtags.key })
    .from(hashtags)
    .where(eq(hashtags.tenantId, tenant.id));
  const tagId = (label: string) => tagRows.find((row) => row.key === normaliseHashtag(label)!.key)?.id;
  for (const [index, group] of demoGroups.entries()) {
    const [created] = await tx
      .insert(groups)
      .values({
        tenantId: tenant.id,
        name: group.name,
        description: group.description,
        visibility: 'open',
        createdBy: memberIds[index]!,
      })
      .returning({ id: groups.id });
    await tx.insert(groupMembers).values(
      memberIds
        .filter((_, i) => i % demoGroups.length === index || i === index)
        .map((membershipId) => ({
          tenantId: tenant.id,
          groupId: created!.id,
          membershipId,
          role: membershipId === memberIds[index] ? ('admin' as const) : ('member' as const),
          status: 'active' as const,
        })),
    );
    const ids = group.hashtags.map(tagId).filter((id): id is string => Boolean(id));
    if (ids.length > 0)
      await tx
        .insert(groupHashtags)
        .values(ids.map((hashtagId) => ({ tenantId: tenant.id, hashtagId, groupId: created!.id })));
  }
  const now = Date.now();
  const bodies = [
    {
      author: staffId,
      body: '**アルムナイネットワークへようこそ。** 会社の近況やイベントをここでお知らせします。投稿しなくても、読むだけで大歓迎です。',
      kind: 'announcement' as const,
    },
    ...Array.from({ length: 24 }, (_, i) => ({
      author: memberIds[(i * 7) % memberIds.length]!,
      body: demoPostBodies[i % demoPostBodies.length]!,
      kind: 'post' as const,
    })),
  ];
  for (const [i, entry] of bodies.entries()) {
    const createdAt = new Date(now - (i === 0 ? 0 : i * 3 * 3600 * 1000));
    const [post] = await tx
      .insert(posts)
      .values({
        tenantId: tenant.id,
        authorId: entry.author,
        kind: entry.kind,
        body: entry.body,
        bodyHtml: renderMarkdown(entry.body, tenant.slug),
        pinnedAt: entry.kind === 'announcement' ? createdAt : null,
        createdAt,
      })
      .returning();
    const ids = hashtagsInText(entry.body)
      .map((tag) => tagId(tag.label))
      .filter((id): id is string => Boolean(id));
    if (ids.length > 0) {
      await tx
        .insert(postHashtags)
        .values(ids.map((hashtagId) => ({ tenantId: tenant.id, hashtagId, ...postHashtagCopy(post!) })));
    }
  }
}
