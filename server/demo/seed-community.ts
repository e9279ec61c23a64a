import type { Queryable } from '../db/client.js';
import {
  consentEvents,
  hashtagFollows,
  hashtags,
  type Intent,
  memberHashtags,
  memberProfiles,
  memberSearchTokens,
} from '../db/schema/index.js';
import { consentPolicyVersion } from '../modules/community/consents.js';
import { normaliseHashtag } from '../modules/community/hashtags/normalise-hashtag.js';
import { personSearchTokens } from '../platform/japanese/person-search.js';
import { readingSortKey, searchKey } from '../platform/japanese/text.js';

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
          visibility: i % 2 === 0 ? { tenure: 'members' as const } : {},
          companyNews: i % 5 !== 4,
          listedInDirectory: i % 10 !== 9,
          companyContact: i % 4 === 0,
          consentPolicyVersion,
          readingKey: readingSortKey(member.reading || member.displayName),
          searchText: [searchKey(member.displayName), searchKey(member.reading)].filter(Boolean).join(' '),
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
    const tokens = slice.flatMap((member) => {
      const [family = '', given = ''] = member.reading.split(' ');
      return personSearchTokens({ names: [member.displayName], family, given, ascii: [] }).map((token) => ({
        tenantId,
        token,
        membershipId: member.membershipId,
      }));
    });
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
