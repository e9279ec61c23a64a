import { z } from '@hono/zod-openapi';
import { articleStatuses, reactionKinds } from '../../db/schema/index.js';
import { AudienceSpecSchema } from '../programmes/audience/audience-spec.js';
import { SlugSchema } from '../tenancy/schemas.js';

export const ArticleParamSchema = z.object({ slug: SlugSchema, id: z.uuid() });
export const CommentParamSchema = ArticleParamSchema.extend({ commentId: z.uuid() });
export const ReactionParamSchema = ArticleParamSchema.extend({ kind: z.enum(reactionKinds) });

const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'field_invalid_month' })
  .openapi({ example: '2026-11', description: 'A month in Japan time (YYYY-MM)' });
export const ArticleListQuerySchema = z.object({
  category: z.uuid().optional(),
  month: Month.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const CategoryName = z.string().trim().min(1).max(40);
export const NewCategorySchema = z.strictObject({ name: CategoryName });
export const CategorySchema = z.object({ id: z.uuid(), name: z.string() }).openapi('NewsCategory');
export const ManagedCategorySchema = CategorySchema.extend({
  articleCount: z.number().int(),
}).openapi('NewsManagedCategory');

const Title = z.string().trim().min(1).max(120);
const Body = z.string().max(20_000);
const AuthorKind = z.enum(['person', 'company']);
export const ArticleInputSchema = z
  .strictObject({
    title: Title,
    body: Body,
    categoryId: z.uuid(),
    coverImageId: z.uuid().nullable().optional(),
    authorKind: AuthorKind.default('company'),
    allowComments: z.boolean().default(false),
    allowReactions: z.boolean().default(true),
    audience: AudienceSpecSchema.optional().openapi({
      description: 'Who it is for; every member when left out',
    }),
  })
  .openapi('NewsArticleInput');
export const ArticleEditSchema = z
  .strictObject({
    title: Title.optional(),
    body: Body.optional(),
    categoryId: z.uuid().optional(),
    coverImageId: z.uuid().nullable().optional(),
    authorKind: AuthorKind.optional(),
    allowComments: z.boolean().optional(),
    allowReactions: z.boolean().optional(),
    audience: AudienceSpecSchema.optional(),
  })
  .openapi('NewsArticleEdit');
export const ScheduleSchema = z
  .strictObject({
    publishAt: z.iso.datetime({ offset: true }).openapi({ description: 'When to publish; later than now' }),
  })
  .openapi('NewsSchedule');

export const NewsImageSchema = z
  .object({ id: z.uuid(), url: z.string(), width: z.number().int(), height: z.number().int() })
  .openapi('NewsImage');

const Author = z.object({
  kind: AuthorKind,
  name: z.string().openapi({ description: "The writer's name, or the network's name for the company" }),
});
export const ArticleSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    excerpt: z.string(),
    category: CategorySchema,
    cover: NewsImageSchema.nullable(),
    author: Author,
    publishedAt: z.string(),
    revisedAt: z
      .string()
      .nullable()
      .openapi({ description: 'Set when the article changed after publishing' }),
    read: z.boolean().openapi({ description: 'Whether I have opened it' }),
  })
  .openapi('NewsArticleSummary');
export const ArticlePageSchema = z
  .object({ articles: z.array(ArticleSummarySchema), nextCursor: z.string().nullable() })
  .openapi('NewsArticlePage');
export const ArchiveSchema = z
  .object({ months: z.array(z.object({ month: z.string(), count: z.number().int() })) })
  .openapi('NewsArchive');

export const ArticleSchema = ArticleSummarySchema.extend({
  bodyHtml: z.string().openapi({ description: 'Sanitised HTML' }),
  allowComments: z.boolean(),
  allowReactions: z.boolean(),
  reactions: z.partialRecord(z.enum(reactionKinds), z.number().int()),
  myReactions: z.array(z.enum(reactionKinds)),
  commentCount: z.number().int(),
}).openapi('NewsArticle');

export const NewsCommentSchema = z
  .object({
    id: z.uuid(),
    author: z.object({ id: z.uuid(), displayName: z.string() }),
    bodyHtml: z.string(),
    createdAt: z.string(),
    canDelete: z.boolean(),
    /** Hidden by a moderator: only its author (with the reason) and moderators see it. */
    hidden: z.boolean(),
    hiddenReason: z.string().nullable(),
    /** The reader may hide or restore it (moderators, owners and HR admins). */
    canModerate: z.boolean(),
    /** Someone else's comment that is up: the reader may report it to the moderators. */
    canReport: z.boolean(),
  })
  .openapi('NewsComment');
export const NewCommentSchema = z.strictObject({ body: z.string().max(2000) });

export const ManagedArticleSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    bodyHtml: z.string(),
    category: CategorySchema,
    cover: NewsImageSchema.nullable(),
    authorKind: AuthorKind,
    author: Author,
    allowComments: z.boolean(),
    allowReactions: z.boolean(),
    audience: AudienceSpecSchema,
    status: z.enum(articleStatuses),
    publishAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    revisedAt: z.string().nullable(),
    readCount: z.number().int().openapi({ description: 'Members who opened it (each once)' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('NewsManagedArticle');
export const ManagedArticleListSchema = z
  .object({ articles: z.array(ManagedArticleSchema.omit({ body: true, bodyHtml: true })) })
  .openapi('NewsManagedArticleList');
