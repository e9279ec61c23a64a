/**
 * News benchmark: one network of 100,000 members and 10,000 published articles (a few meant only for
 * employees, some read, reacted to and commented on), then p50/p95 latency of what a member's requests
 * do: the article list (first page, by category, a later page, a month) and the article page (which
 * also counts the reader once). Each is one member's request in one tenant-scoped transaction,
 * presented as the routes present it. Embedded (PGlite) by default; ENISHI_TEST_TARGET=server with
 * TEST_DATABASE_URL and TEST_DATABASE_APP_URL runs it on a PostgreSQL server. Goal: p95 ≤ 30 ms.
 *
 *   node --import tsx bench/news.bench.ts [members=100000] [articles=10000] [requests=200]
 */
import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../server/db/client.js';
import { queryRows } from '../server/db/raw.js';
import { accounts, memberships } from '../server/db/schema/index.js';
import { inTenant } from '../server/db/scope.js';
import { refreshCommunityStatistics } from '../server/modules/community/community-statistics.js';
import { articleResponses } from '../server/modules/news/article-responses.js';
import { listCategories } from '../server/modules/news/categories.js';
import { loadNewsReader } from '../server/modules/news/news-audience.js';
import { coversOf, presentArticle, presentSummary } from '../server/modules/news/presenters.js';
import {
  findReadableArticle,
  listArticles,
  loadArticleRows,
  markRead,
} from '../server/modules/news/read-articles.js';
import { createTenant } from '../server/modules/tenancy/create-tenant.js';
import type { Actor, TenantRef, TenantServiceContext } from '../server/modules/tenancy/tenant-context.js';
import { startTestServer, testTarget } from '../server/test/harness.js';

const memberCount = Number(process.argv[2] ?? 100_000);
const articleCount = Number(process.argv[3] ?? 10_000);
const requests = Number(process.argv[4] ?? 200);

const pct = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;
const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

async function seedNetwork(db: AppDatabase, slug: string, members: number, articles: number) {
  const start = performance.now();
  const { tenant, owner } = await db.transaction((tx) =>
    createTenant(tx, {
      slug,
      nameJa: slug,
      nameEn: slug,
      owner: { email: `owner@${slug}.example`, displayName: 'Owner' },
    }),
  );
  const ids: string[] = [];
  for (let i = 0; i < members; i += 5000) {
    const count = Math.min(5000, members - i);
    const created = await db
      .insert(accounts)
      .values(
        Array.from({ length: count }, (_, j) => ({
          email: `m${i + j}@${slug}.example`,
          displayName: `会員 ${i + j}`,
        })),
      )
      .returning({ id: accounts.id });
    const rows = await inTenant(db, tenant.id, (tx) =>
      tx
        .insert(memberships)
        .values(
          created.map((a, j) => ({
            tenantId: tenant.id,
            accountId: a.id,
            role: (i + j) % 50 === 0 ? ('employee' as const) : ('alumnus' as const),
            displayName: `会員 ${i + j}`,
          })),
        )
        .returning({ id: memberships.id }),
    );
    ids.push(...rows.map((r) => r.id));
  }
  await inTenant(db, tenant.id, async (tx) => {
    const categories = (await listCategories({ tx, tenant: tenant as TenantRef })).map((c) => c.id);
    const categoryArray = sql`${`{${categories.join(',')}}`}::uuid[]`;
    // One article about every 3 hours back from now; one in 20 is meant for employees only.
    await tx.execute(sql`insert into news_articles (tenant_id, category_id, title, body, body_html, excerpt,
        author_kind, author_id, audience, allow_comments, status, published_at, created_at, updated_at)
      select ${tenant.id}, (${categoryArray})[1 + g % ${categories.length}], '記事 ' || g, '本文 ' || g,
        '<p>本文 ' || g || '</p>', '本文 ' || g, 'company', ${owner.id},
        case when g % 20 = 0 then '{"members": false, "includeEmployees": true}'::jsonb else '{}'::jsonb end,
        g % 3 = 0, 'published', now() - make_interval(hours => g * 3), now() - make_interval(hours => g * 3),
        now() - make_interval(hours => g * 3)
      from generate_series(1, ${articles}) g`);
    const idArray = sql`${`{${ids.join(',')}}`}::uuid[]`;
    // Reads: each of the newest 500 articles by about 400 members; reactions and comments on some.
    await tx.execute(sql`insert into news_reads (tenant_id, article_id, membership_id)
      select ${tenant.id}, a.id, (${idArray})[1 + ((k * 7919 + a.n * 31) % ${ids.length})]
      from (select id, row_number() over (order by published_at desc) as n from news_articles
            where tenant_id = ${tenant.id} order by published_at desc limit 500) a
      cross join generate_series(1, 400) k
      on conflict do nothing`);
    await tx.execute(sql`update news_articles a set read_count = r.n
      from (select article_id, count(*)::int as n from news_reads where tenant_id = ${tenant.id} group by 1) r
      where a.tenant_id = ${tenant.id} and a.id = r.article_id`);
    await tx.execute(sql`insert into news_reactions (tenant_id, article_id, membership_id, kind)
      select tenant_id, article_id, membership_id, 'clap' from news_reads
      where tenant_id = ${tenant.id} and abs(hashtext(membership_id::text)) % 4 = 0`);
    await tx.execute(sql`insert into news_comments (tenant_id, article_id, author_id, body, body_html)
      select tenant_id, article_id, membership_id, 'コメント', '<p>コメント</p>' from news_reads
      where tenant_id = ${tenant.id} and abs(hashtext(membership_id::text)) % 40 = 0`);
  });
  const [reads] = await inTenant(db, tenant.id, (tx) =>
    queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from news_reads where tenant_id = ${tenant.id}`,
    ),
  );
  console.log(
    `seeded ${slug}: ${members.toLocaleString('en')} members, ${articles.toLocaleString('en')} articles, ${reads?.n.toLocaleString('en')} reads in ${seconds(start)}`,
  );
  return { tenant: tenant as TenantRef, ids };
}

const server = await startTestServer();
const db = server.deps.database.db;
console.log(`news bench: database ${testTarget}`);
const { tenant, ids } = await seedNetwork(db, 'bench', memberCount, articleCount);
await seedNetwork(db, 'other', Math.floor(memberCount / 10), Math.floor(articleCount / 10));
await refreshCommunityStatistics(db);
await db.execute(sql`select enishi_analyze_news()`);

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
// Members who are alumni (every 50th is an employee).
const viewer = (i: number) => ids[((i * 104_729) % Math.floor(ids.length / 50)) * 50 + 1]!;
const categories = await inTenant(db, tenant.id, (tx) => listCategories({ tx, tenant }));

/** The list request as the route answers it. */
const listPage = (ctx: TenantServiceContext, query: Parameters<typeof listArticles>[1]) =>
  listArticles(ctx, query).then(async (page) => {
    const rows = await loadArticleRows(ctx, page.ids);
    const covers = await coversOf(
      ctx,
      rows.map((row) => row.article),
    );
    return {
      articles: rows.map((row) => presentSummary(ctx, row, covers, 'ja')),
      nextCursor: page.nextCursor,
    };
  });

await measure('article list: first page of 20', (i) =>
  asMember(viewer(i), (ctx) => listPage(ctx, { limit: 20 })),
);
await measure('article list: a category', (i) =>
  asMember(viewer(i), (ctx) => listPage(ctx, { limit: 20, category: categories[i % categories.length]!.id })),
);
const cursor = (await asMember(viewer(0), async (ctx) => {
  let page = await listPage(ctx, { limit: 20 });
  for (let p = 0; p < 9 && page.nextCursor; p++)
    page = await listPage(ctx, { limit: 20, cursor: page.nextCursor });
  return page.nextCursor;
})) as string;
await measure('article list: page 11 (cursor)', (i) =>
  asMember(viewer(i), (ctx) => listPage(ctx, { limit: 20, cursor })),
);
const month = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 7);
await measure(`article list: month ${month}`, (i) =>
  asMember(viewer(i), (ctx) => listPage(ctx, { limit: 20, month })),
);
const articleIds = await inTenant(db, tenant.id, (tx) =>
  queryRows<{ id: string }>(
    tx,
    sql`select id from news_articles where tenant_id = ${tenant.id} and audience = '{}'::jsonb
        order by published_at desc limit 300`,
  ),
);
await measure('article page (counts the read)', (i) =>
  asMember(viewer(i), async (ctx) => {
    const reader = await loadNewsReader(ctx);
    const article = await findReadableArticle(ctx, articleIds[i % articleIds.length]!.id, reader);
    await markRead(ctx, article.id);
    const [row] = await loadArticleRows(ctx, [article.id]);
    const covers = await coversOf(ctx, [row!.article]);
    return presentArticle(ctx, row!, covers, 'ja', await articleResponses(ctx, article.id));
  }),
);
await server.stop();
