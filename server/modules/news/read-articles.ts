import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw.js';
import { memberships, newsArticles, newsCategories, newsReads } from '../../db/schema/index.js';
import { notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { loadNewsReader, type NewsReader, readerAdmits } from './news-audience.js';

type ListQuery = {
  category?: string | undefined;
  month?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};

/** The first instant of a month in Japan time (UTC+9, no daylight saving), and of the month after. */
export function monthRange(month: string): [Date, Date] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, m - 1, 1) - 9 * 3600_000);
  const end = new Date(Date.UTC(year, m, 1) - 9 * 3600_000);
  return [start, end];
}

const published = sql`${newsArticles.status} = 'published'`;

/**
 * Published articles meant for the reader, newest first, by category or month if asked. Pages are read
 * from the published index in order; articles meant for others are skipped, reading further batches
 * until the page is full, so a page costs about one index range whatever the number of articles.
 */
export async function listArticles(ctx: TenantServiceContext, query: ListQuery) {
  const reader = await loadNewsReader(ctx);
  const conditions: SQL[] = [eq(newsArticles.tenantId, ctx.tenant.id), published];
  if (query.category) conditions.push(eq(newsArticles.categoryId, query.category));
  if (query.month) {
    const [start, end] = monthRange(query.month);
    conditions.push(gte(newsArticles.publishedAt, start), lt(newsArticles.publishedAt, end));
  }
  let position = decodeCursor(query.cursor, 2) as [string, string] | null;
  const kept: { id: string; publishedAt: Date }[] = [];
  const batch = Math.max(query.limit * 2, 20);
  for (;;) {
    const after = position
      ? sql`(${newsArticles.publishedAt}, ${newsArticles.id}) < (${new Date(position[0]).toISOString()}::timestamptz, ${position[1]}::uuid)`
      : sql`true`;
    const rows = await ctx.tx
      .select({ id: newsArticles.id, publishedAt: newsArticles.publishedAt, audience: newsArticles.audience })
      .from(newsArticles)
      .where(and(...conditions, after))
      .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
      .limit(batch);
    for (const row of rows) {
      if (readerAdmits(reader, row.audience)) kept.push({ id: row.id, publishedAt: row.publishedAt! });
      if (kept.length > query.limit) break;
    }
    const last = rows.at(-1);
    if (kept.length > query.limit || rows.length < batch || !last) break;
    position = [last.publishedAt!.toISOString(), last.id];
  }
  const items = kept.slice(0, query.limit);
  const lastItem = items.at(-1);
  return {
    reader,
    ids: items.map((item) => item.id),
    nextCursor:
      kept.length > query.limit && lastItem
        ? encodeCursor([lastItem.publishedAt.toISOString(), lastItem.id])
        : null,
  };
}

/** Months (Japan time) with articles meant for the reader, newest first, with how many each. */
export async function archiveMonths(ctx: TenantServiceContext) {
  const reader = await loadNewsReader(ctx);
  // One row per month and distinct audience: a handful, however many articles there are.
  const rows = await queryRows<{ month: string; audience: unknown; n: number }>(
    ctx.tx,
    sql`select to_char(published_at at time zone 'Asia/Tokyo', 'YYYY-MM') as month, audience, count(*)::int as n
        from news_articles where tenant_id = ${ctx.tenant.id} and status = 'published'
        group by 1, 2`,
  );
  const months = new Map<string, number>();
  for (const row of rows) {
    if (readerAdmits(reader, row.audience)) months.set(row.month, (months.get(row.month) ?? 0) + row.n);
  }
  return [...months].sort(([a], [b]) => (a < b ? 1 : -1)).map(([month, count]) => ({ month, count }));
}

/** A published article the reader may read; 404 for drafts, other audiences and other networks. */
export async function findReadableArticle(ctx: TenantServiceContext, id: string, reader?: NewsReader) {
  const [article] = await ctx.tx
    .select()
    .from(newsArticles)
    .where(and(eq(newsArticles.tenantId, ctx.tenant.id), eq(newsArticles.id, id), published));
  if (!article) throw notFound();
  if (!readerAdmits(reader ?? (await loadNewsReader(ctx)), article.audience)) throw notFound();
  return article;
}

/**
 * The reader's first open counts once: the key (tenant, member, article) turns a repeat or a race into
 * nothing, and only an inserted row adds to the article's count.
 */
export async function markRead(ctx: TenantServiceContext, articleId: string) {
  const inserted = await ctx.tx
    .insert(newsReads)
    .values({ tenantId: ctx.tenant.id, articleId, membershipId: ctx.actor.membershipId })
    .onConflictDoNothing()
    .returning({ articleId: newsReads.articleId });
  if (inserted.length === 0) return;
  await ctx.tx
    .update(newsArticles)
    .set({ readCount: sql`${newsArticles.readCount} + 1` })
    .where(and(eq(newsArticles.tenantId, ctx.tenant.id), eq(newsArticles.id, articleId)));
}

/** The rows the member presenters need, for some article ids, in the order given. */
export async function loadArticleRows(ctx: TenantServiceContext, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.tx
    .select({
      article: newsArticles,
      category: { id: newsCategories.id, name: newsCategories.name },
      authorName: memberships.displayName,
      read: sql<boolean>`exists (select 1 from ${newsReads} r where r.tenant_id = ${ctx.tenant.id}
        and r.membership_id = ${ctx.actor.membershipId} and r.article_id = ${newsArticles.id})`,
    })
    .from(newsArticles)
    .innerJoin(
      newsCategories,
      and(eq(newsCategories.tenantId, newsArticles.tenantId), eq(newsCategories.id, newsArticles.categoryId)),
    )
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, newsArticles.tenantId), eq(memberships.id, newsArticles.authorId)),
    )
    .where(and(eq(newsArticles.tenantId, ctx.tenant.id), inArray(newsArticles.id, ids)));
  const byId = new Map(rows.map((row) => [row.article.id, row]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
export type ArticleRow = Awaited<ReturnType<typeof loadArticleRows>>[number];
