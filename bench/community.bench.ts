/**
 * Community benchmark: one network of 100,000 members and 1,000,000 posts (and a second, smaller
 * network beside it), then p50/p95 latency of the member-facing reads: directory search, a hashtag
 * page and the home feed, each as one member's request in one tenant-scoped transaction.
 * Embedded (PGlite) by default; ENISHI_TEST_TARGET=server with TEST_DATABASE_URL and
 * TEST_DATABASE_APP_URL runs it on a PostgreSQL server.
 *
 *   node --import tsx bench/community.bench.ts [members=100000] [posts=1000000] [requests=200]
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AppDatabase } from '../server/db/client.js';
import { queryRows } from '../server/db/raw.js';
import { accounts, memberships } from '../server/db/schema/index.js';
import { inTenant } from '../server/db/scope.js';
import { demoHashtags, seedCommunityProfiles } from '../server/demo/seed-community.js';
import { refreshCommunityStatistics } from '../server/modules/community/community-statistics.js';
import { directoryQuery, searchDirectory } from '../server/modules/community/directory.js';
import { loadHashtagPage } from '../server/modules/community/hashtags/hashtag-page.js';
import { hashtagFeed, homeFeed, homeFeedQuery } from '../server/modules/community/posts/feeds.js';
import { loadPostViews } from '../server/modules/community/posts/post-views.js';
import { createTenant } from '../server/modules/tenancy/create-tenant.js';
import type { Actor, TenantRef, TenantServiceContext } from '../server/modules/tenancy/tenant-context.js';
import { startTestServer, testTarget } from '../server/test/harness.js';
import { firstKanji, secondKanji } from './japanese-names.js';

const memberCount = Number(process.argv[2] ?? 100_000);
const postCount = Number(process.argv[3] ?? 1_000_000);
const requests = Number(process.argv[4] ?? 200);

const families: [string, string][] = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'],
  ['山口', 'ヤマグチ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['林', 'ハヤシ'],
  ['斎藤', 'サイトウ'],
  ['清水', 'シミズ'],
  ['山﨑', 'ヤマザキ'],
  ['森', 'モリ'],
  ['池田', 'イケダ'],
  ['橋本', 'ハシモト'],
  ['阿部', 'アベ'],
  ['石川', 'イシカワ'],
  ['髙橋', 'タカハシ'],
  ['長谷川', 'ハセガワ'],
  ['藤原', 'フジワラ'],
  ['岡田', 'オカダ'],
  ['近藤', 'コンドウ'],
  ['藤田', 'フジタ'],
  ['後藤', 'ゴトウ'],
  ['前田', 'マエダ'],
  ['小川', 'オガワ'],
];
const givens: [string, string][] = [
  ['大輔', 'ダイスケ'],
  ['美咲', 'ミサキ'],
  ['翔太', 'ショウタ'],
  ['陽菜', 'ヒナ'],
  ['拓也', 'タクヤ'],
  ['結衣', 'ユイ'],
  ['健太', 'ケンタ'],
  ['彩', 'アヤ'],
  ['亮', 'リョウ'],
  ['恵', 'メグミ'],
  ['直樹', 'ナオキ'],
  ['真由美', 'マユミ'],
  ['誠', 'マコト'],
  ['愛', 'アイ'],
  ['浩二', 'コウジ'],
  ['沙織', 'サオリ'],
  ['隆', 'タカシ'],
  ['千尋', 'チヒロ'],
  ['悠斗', 'ユウト'],
  ['花子', 'ハナコ'],
];
// A long tail of surnames as in Japan: a quarter of members carry a common one (each ~0.7%), the
// rest one of 600 rarer ones (see bench/japanese-names.ts).
function familyOf(i: number): [string, string] {
  if (i % 4 === 0) return families[(i / 4) % families.length]!;
  const n = Math.floor((i * 2654435761) % 600);
  const [a, ak] = firstKanji[n % firstKanji.length]!;
  const [b, bk] = secondKanji[Math.floor(n / firstKanji.length) % secondKanji.length]!;
  return [`${a}${b}`, `${ak}${bk}`];
}
const tags = [...demoHashtags, ...Array.from({ length: 184 }, (_, i) => `テーマ${i}`)];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pct = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;
const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

async function seedNetwork(db: AppDatabase, slug: string, members: number, postTotal: number) {
  const start = performance.now();
  const { tenant } = await db.transaction((tx) =>
    createTenant(tx, {
      slug,
      nameJa: slug,
      nameEn: slug,
      owner: { email: `owner@${slug}.example`, displayName: 'Owner' },
    }),
  );
  const people = Array.from({ length: members }, (_, i) => {
    const [family, familyKana] = familyOf(i);
    const [given, givenKana] = givens[Math.floor(i / 7) % givens.length]!;
    return {
      displayName: `${family} ${given}`,
      reading: `${familyKana} ${givenKana}`,
      email: `m${i}@${slug}.example`,
    };
  });
  const ids: string[] = [];
  for (let i = 0; i < people.length; i += 5000) {
    const batch = people.slice(i, i + 5000);
    const created = await db
      .insert(accounts)
      .values(batch.map((p) => ({ email: p.email, displayName: p.displayName })))
      .returning({ id: accounts.id });
    const rows = await inTenant(db, tenant.id, (tx) =>
      tx
        .insert(memberships)
        .values(
          created.map((a, j) => ({
            tenantId: tenant.id,
            accountId: a.id,
            role: 'alumnus' as const,
            displayName: batch[j]!.displayName,
          })),
        )
        .returning({ id: memberships.id }),
    );
    ids.push(...rows.map((r) => r.id));
  }
  await inTenant(db, tenant.id, async (tx) => {
    await seedCommunityProfiles(
      tx,
      tenant.id,
      ids.map((id, i) => ({
        membershipId: id,
        displayName: people[i]!.displayName,
        reading: people[i]!.reading,
      })),
      tags,
    );
  });
  const groupTotal = Math.max(10, Math.floor(members / 100));
  await inTenant(db, tenant.id, async (tx) => {
    const idArray = sql`${`{${ids.join(',')}}`}::uuid[]`;
    await tx.execute(sql`insert into groups (tenant_id, name, visibility, created_by)
      select ${tenant.id}, 'グループ ' || g, case when g % 5 = 0 then 'request' when g % 7 = 0 then 'secret' else 'open' end,
        (${idArray})[1 + (g * 31) % ${ids.length}]
      from generate_series(1, ${groupTotal}) g`);
    // Every member is in about three groups.
    await tx.execute(sql`insert into group_members (tenant_id, group_id, membership_id, role, status)
      select distinct on (gr.id, m.id) ${tenant.id}, gr.id, m.id, 'member', 'active'
      from unnest(${idArray}) with ordinality as m(id, n)
      cross join generate_series(0, 2) k
      join lateral (select id from groups where tenant_id = ${tenant.id} order by id offset ((m.n * 7 + k * 13) % ${groupTotal}) limit 1) gr on true
      on conflict do nothing`);
    const groupIds = (
      await queryRows<{ id: string }>(tx, sql`select id from groups where tenant_id = ${tenant.id}`)
    ).map((r) => r.id);
    const groupArray = sql`${`{${groupIds.join(',')}}`}::uuid[]`;
    for (let from = 1; from <= postTotal; from += 100_000) {
      const to = Math.min(postTotal, from + 99_999);
      await tx.execute(sql`insert into posts (tenant_id, author_id, group_id, kind, body, body_html, created_at)
        select ${tenant.id}, (${idArray})[1 + ((g::bigint * 7919) % ${ids.length})::int],
          case when g % 4 = 0 then (${groupArray})[1 + g % ${groupIds.length}] end,
          case when g % 2000 = 0 then 'announcement' else 'post' end,
          'ベンチマーク投稿 ' || g, '<p>ベンチマーク投稿 ' || g || '</p>',
          now() - make_interval(secs => g * 20)
        from generate_series(${from}::int, ${to}::int) g`);
    }
    // About two posts in five carry a hashtag.
    await tx.execute(sql`insert into post_hashtags (tenant_id, hashtag_id, post_id, created_at, author_id, group_id, status)
      select p.tenant_id, h.id, p.id, p.created_at, p.author_id, p.group_id, p.status
      from posts p
      join lateral (select id from hashtags where tenant_id = ${tenant.id} order by id
        offset (abs(hashtext(p.id::text)) % ${tags.length}) limit 1) h on true
      where p.tenant_id = ${tenant.id} and abs(hashtext(p.id::text || 'x')) % 5 < 2`);
  });
  console.log(
    `seeded ${slug}: ${members.toLocaleString('en')} members, ${postTotal.toLocaleString('en')} posts in ${seconds(start)}`,
  );
  return { tenant: tenant as TenantRef, ids };
}

const server = await startTestServer();
const db = server.deps.database.db;
console.log(`community bench: database ${testTarget}`);
const { tenant, ids } = await seedNetwork(db, 'bench', memberCount, postCount);
await seedNetwork(db, 'other', Math.floor(memberCount / 10), Math.floor(postCount / 10));
await refreshCommunityStatistics(db);

function asMember(membershipId: string, work: (ctx: TenantServiceContext) => Promise<unknown>) {
  const actor: Actor = { membershipId, accountId: membershipId, role: 'alumnus', displayName: '' };
  return inTenant(db, tenant.id, (tx) => work({ deps: server.deps, tx, tenant, actor, ipAddress: '' }));
}
async function measure(label: string, work: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await work(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    await work(i);
    times.push(performance.now() - start);
  }
  console.log(
    `${label.padEnd(34)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms  p95 ${pct(times, 95).toFixed(1).padStart(6)} ms  max ${Math.max(
      ...times,
    )
      .toFixed(1)
      .padStart(6)} ms`,
  );
}
const viewer = (i: number) => ids[(i * 104_729) % ids.length]!;
const queries = ['高橋', 'たかはし', 'ﾔﾏｻﾞｷ', '山崎', '佐藤 美咲', 'こんどう', '長谷川 翔太', 'ふじた'];

await measure('directory: name or reading', (i) =>
  asMember(viewer(i), (ctx) => searchDirectory(ctx, { q: queries[i % queries.length], limit: 30 })),
);
await measure('directory: hashtag + intent', (i) =>
  asMember(viewer(i), (ctx) =>
    searchDirectory(ctx, { hashtag: tags[i % 16], intent: 'casual_chat', limit: 30 }),
  ),
);
// The hashtag page loads its people and its posts as two requests at once (see HashtagPage.tsx).
const hashtagPeople = (viewerId: string, tag: string) =>
  asMember(viewerId, (ctx) => loadHashtagPage(ctx, tag));
const hashtagPosts = (viewerId: string, tag: string) =>
  asMember(viewerId, async (ctx) => {
    const page = await hashtagFeed(ctx, tag, { limit: 20 });
    await loadPostViews(
      ctx,
      page.items.map((p) => p.id),
    );
  });
await measure('hashtag page: people request', (i) => hashtagPeople(viewer(i), tags[i % tags.length]!));
await measure('hashtag page: posts request', (i) => hashtagPosts(viewer(i), tags[i % tags.length]!));
await measure('hashtag page: both, as loaded', (i) =>
  Promise.all([
    hashtagPeople(viewer(i), tags[i % tags.length]!),
    hashtagPosts(viewer(i), tags[i % tags.length]!),
  ]),
);
await measure('home feed: first page of 20', (i) =>
  asMember(viewer(i), async (ctx) => {
    const page = await homeFeed(ctx, { limit: 20 });
    await loadPostViews(
      ctx,
      page.items.map((p) => p.id),
    );
  }),
);
// Deeper pages: each viewer's cursor after four pages, found before the clock starts.
const cursors = new Map<string, string | undefined>();
for (let i = 0; i < Math.min(requests + 5, 60); i++) {
  await asMember(viewer(i), async (ctx) => {
    let page = await homeFeed(ctx, { limit: 20 });
    for (let p = 0; p < 3 && page.nextCursor; p++)
      page = await homeFeed(ctx, { cursor: page.nextCursor, limit: 20 });
    cursors.set(ctx.actor.membershipId, page.nextCursor ?? undefined);
  });
}
await measure('home feed: page 5 (cursor)', (i) =>
  asMember(viewer(i % 60), async (ctx) => {
    const page = await homeFeed(ctx, { cursor: cursors.get(ctx.actor.membershipId), limit: 20 });
    await loadPostViews(
      ctx,
      page.items.map((p) => p.id),
    );
  }),
);
if (process.env.BENCH_EXPLAIN) {
  const explain = async (label: string, build: (ctx: TenantServiceContext) => Promise<SQL>) => {
    await asMember(viewer(1), async (ctx) => {
      const plan = await queryRows<{ 'QUERY PLAN': string }>(
        ctx.tx,
        sql`explain analyze ${await build(ctx)}`,
      );
      console.log(`plan for ${label}:\n${plan.map((row) => row['QUERY PLAN']).join('\n')}`);
    });
  };
  await explain('directory 高橋', async (ctx) =>
    (await directoryQuery(ctx, { q: '高橋', limit: 30 })).select.getSQL(),
  );
  await explain('directory #起業', async (ctx) =>
    (await directoryQuery(ctx, { hashtag: '起業', limit: 30 })).select.getSQL(),
  );
  await explain('home feed', async (ctx) => homeFeedQuery(ctx, { limit: 20 }));
}
console.log(`memory: RSS ${mb(process.memoryUsage().rss)}`);
await server.stop();
