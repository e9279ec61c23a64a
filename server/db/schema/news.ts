import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { moderationColumns, type ReactionKind } from './community-content.js';
import { bytea } from './platform.js';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/** The network's own sections of its news (会社の今, 制度・働き方 …), in the order staff set. */
export const newsCategories = pgTable(
  'news_categories',
  {
    tenantId: tenantId(),
    id: id(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('news_categories_name_key').on(table.tenantId, table.name),
  ],
);

/** draft: only staff see it; scheduled: a job publishes it at publish_at; published: members read it. */
export const articleStatuses = ['draft', 'scheduled', 'published'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/**
 * An article from the company. The body is the Markdown subset of posts plus pictures on lines of
 * their own; body_html is rendered and sanitised once on write. audience is a programmes
 * AudienceSpec, re-read through its schema.
 */
export const newsArticles = pgTable(
  'news_articles',
  {
    tenantId: tenantId(),
    id: id(),
    categoryId: uuid('category_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    excerpt: text('excerpt').notNull().default(''),
    coverImageId: uuid('cover_image_id'),
    /** person: shown under the writer's name; company: under the network's name. */
    authorKind: text('author_kind').$type<'person' | 'company'>().notNull(),
    authorId: uuid('author_id').notNull(),
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull().default({}),
    /** The audience's segment, copied out so a reader's segment matches are asked once per request. */
    audienceSegmentId: uuid('audience_segment_id'),
    allowComments: boolean('allow_comments').notNull().default(false),
    allowReactions: boolean('allow_reactions').notNull().default(true),
    status: text('status').$type<ArticleStatus>().notNull().default('draft'),
    publishAt: timestamp('publish_at', { withTimezone: true, precision: 3 }),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }),
    /** Set when a published article is changed: members see 「更新」 with this date. */
    revisedAt: timestamp('revised_at', { withTimezone: true, precision: 3 }),
    /** Unique readers, counted once per member by news_reads' key. */
    readCount: integer('read_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('news_articles_category_fk', [table.tenantId, table.categoryId], newsCategories),
    tenantForeignKey('news_articles_author_fk', [table.tenantId, table.authorId], memberships),
    index('news_articles_published_idx')
      .on(table.tenantId, table.publishedAt.desc().nullsFirst(), table.id.desc().nullsFirst())
      .where(sql`status = 'published'`),
    index('news_articles_category_idx')
      .on(
        table.tenantId,
        table.categoryId,
        table.publishedAt.desc().nullsFirst(),
        table.id.desc().nullsFirst(),
      )
      .where(sql`status = 'published'`),
    index('news_articles_recent_idx').on(table.tenantId, table.createdAt.desc().nullsFirst()),
    index('news_articles_segment_idx')
      .on(table.tenantId, table.audienceSegmentId)
      .where(sql`audience_segment_id is not null`),
  ],
);

/** A member's first open of an article: the key makes a second open (or a race) count nothing. */
export const newsReads = pgTable(
  'news_reads',
  {
    tenantId: tenantId(),
    articleId: uuid('article_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    readAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.membershipId, table.articleId] }),
    tenantForeignKey('news_reads_article_fk', [table.tenantId, table.articleId], newsArticles).onDelete(
      'cascade',
    ),
    tenantForeignKey('news_reads_membership_fk', [table.tenantId, table.membershipId], memberships),
    index('news_reads_recent_idx').on(table.tenantId, table.readAt),
  ],
);

/** A picture for an article (cover or in the body): resized and stripped on upload, staff-only until published. */
export const newsImages = pgTable(
  'news_images',
  {
    tenantId: tenantId(),
    id: id(),
    uploaderId: uuid('uploader_id').notNull(),
    articleId: uuid('article_id'),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('news_images_uploader_fk', [table.tenantId, table.uploaderId], memberships),
    tenantForeignKey('news_images_article_fk', [table.tenantId, table.articleId], newsArticles).onDelete(
      'cascade',
    ),
    index('news_images_article_idx').on(table.tenantId, table.articleId),
  ],
);

export const newsReactions = pgTable(
  'news_reactions',
  {
    tenantId: tenantId(),
    articleId: uuid('article_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    kind: text('kind').$type<ReactionKind>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.articleId, table.membershipId, table.kind] }),
    tenantForeignKey('news_reactions_article_fk', [table.tenantId, table.articleId], newsArticles).onDelete(
      'cascade',
    ),
    tenantForeignKey('news_reactions_membership_fk', [table.tenantId, table.membershipId], memberships),
  ],
);

export const newsComments = pgTable(
  'news_comments',
  {
    tenantId: tenantId(),
    id: id(),
    articleId: uuid('article_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    // Moderators hide a comment with a reason its author sees; others no longer see it.
    ...moderationColumns(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('news_comments_article_fk', [table.tenantId, table.articleId], newsArticles).onDelete(
      'cascade',
    ),
    tenantForeignKey('news_comments_author_fk', [table.tenantId, table.authorId], memberships),
    index('news_comments_article_idx').on(table.tenantId, table.articleId, table.createdAt),
  ],
);

export type NewsArticle = typeof newsArticles.$inferSelect;
