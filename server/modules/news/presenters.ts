import type { NewsArticle, ReactionKind } from '../../db/schema/index.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { PictureInfo } from './article-body.js';
import { pictureInfo } from './article-images.js';
import { articleAudience } from './news-audience.js';
import type { ArticleRow } from './read-articles.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The byline: the writer's name, or the network's in the reader's language for the company. */
function author(ctx: TenantServiceContext, article: NewsArticle, writerName: string, locale: string) {
  return {
    kind: article.authorKind,
    name:
      article.authorKind === 'company'
        ? locale === 'en'
          ? ctx.tenant.nameEn
          : ctx.tenant.nameJa
        : writerName,
  };
}

function cover(article: NewsArticle, pictures: ReadonlyMap<string, PictureInfo>) {
  const picture = article.coverImageId ? pictures.get(article.coverImageId) : undefined;
  return picture && article.coverImageId ? { id: article.coverImageId, ...picture } : null;
}

export async function coversOf(ctx: TenantServiceContext, articles: NewsArticle[]) {
  return pictureInfo(
    ctx,
    articles.flatMap((article) => (article.coverImageId ? [article.coverImageId] : [])),
  );
}

/** What a member sees of an article in a list: never its draft state, audience or read count. */
export function presentSummary(
  ctx: TenantServiceContext,
  row: ArticleRow,
  pictures: ReadonlyMap<string, PictureInfo>,
  locale: string,
) {
  return {
    id: row.article.id,
    title: row.article.title,
    excerpt: row.article.excerpt,
    category: row.category,
    cover: cover(row.article, pictures),
    author: author(ctx, row.article, row.authorName, locale),
    publishedAt: row.article.publishedAt!.toISOString(),
    revisedAt: iso(row.article.revisedAt),
    read: row.read,
  };
}

export function presentArticle(
  ctx: TenantServiceContext,
  row: ArticleRow,
  pictures: ReadonlyMap<string, PictureInfo>,
  locale: string,
  responses: { reactions: Partial<Record<ReactionKind, number>>; mine: ReactionKind[]; commentCount: number },
) {
  return {
    ...presentSummary(ctx, row, pictures, locale),
    bodyHtml: row.article.bodyHtml,
    allowComments: row.article.allowComments,
    allowReactions: row.article.allowReactions,
    reactions: row.article.allowReactions ? responses.reactions : {},
    myReactions: row.article.allowReactions ? responses.mine : [],
    commentCount: row.article.allowComments ? responses.commentCount : 0,
  };
}

/** The staff view: everything, with the unique-reader count. */
export function presentManagedArticle(
  ctx: TenantServiceContext,
  row: ArticleRow,
  pictures: ReadonlyMap<string, PictureInfo>,
  locale: string,
) {
  const { article } = row;
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    bodyHtml: article.bodyHtml,
    category: row.category,
    cover: cover(article, pictures),
    authorKind: article.authorKind,
    author: author(ctx, article, row.authorName, locale),
    allowComments: article.allowComments,
    allowReactions: article.allowReactions,
    audience: articleAudience(article.audience),
    status: article.status,
    publishAt: iso(article.publishAt),
    publishedAt: iso(article.publishedAt),
    revisedAt: iso(article.revisedAt),
    readCount: article.readCount,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  };
}
