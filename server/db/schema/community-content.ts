import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { hashtags } from './community.js';
import { bytea } from './platform.js';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/** open: anyone joins and reads; request: members read after approval; secret: invisible except to members. */
export const groupVisibilities = ['open', 'request', 'secret'] as const;
export type GroupVisibility = (typeof groupVisibilities)[number];

export const groups = pgTable(
  'groups',
  {
    tenantId: tenantId(),
    id: id(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    visibility: text('visibility').$type<GroupVisibility>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('groups_created_by_fk', [table.tenantId, table.createdBy], memberships),
  ],
);

export const groupMembers = pgTable(
  'group_members',
  {
    tenantId: tenantId(),
    groupId: uuid('group_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    role: text('role').$type<'admin' | 'member'>().notNull().default('member'),
    /** requested: asked to join a request-only group; invited: asked in by a group admin. */
    status: text('status').$type<'active' | 'requested' | 'invited'>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.groupId, table.membershipId] }),
    tenantForeignKey('group_members_group_fk', [table.tenantId, table.groupId], groups),
    tenantForeignKey('group_members_membership_fk', [table.tenantId, table.membershipId], memberships),
    index('group_members_membership_idx').on(table.tenantId, table.membershipId),
  ],
);

/** The hashtags a group is about: it is suggested to the members who carry or follow them. */
export const groupHashtags = pgTable(
  'group_hashtags',
  {
    tenantId: tenantId(),
    hashtagId: uuid('hashtag_id').notNull(),
    groupId: uuid('group_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.hashtagId, table.groupId] }),
    tenantForeignKey('group_hashtags_hashtag_fk', [table.tenantId, table.hashtagId], hashtags),
    tenantForeignKey('group_hashtags_group_fk', [table.tenantId, table.groupId], groups),
    index('group_hashtags_group_idx').on(table.tenantId, table.groupId),
  ],
);

/**
 * published: everyone who may read it sees it. held: the word list sent it to moderators first.
 * hidden: a moderator took it down; only its author still sees it, with the reason.
 */
export const contentStatuses = ['published', 'held', 'hidden'] as const;
export type ContentStatus = (typeof contentStatuses)[number];
export const moderationColumns = () => ({
  status: text('status').$type<ContentStatus>().notNull().default('published'),
  moderationReason: text('moderation_reason'),
  moderatedBy: uuid('moderated_by'),
  moderatedAt: timestamp('moderated_at', { withTimezone: true }),
});

/** A post in the network (group_id null) or in a group; announcements come from staff and can be pinned. */
export const posts = pgTable(
  'posts',
  {
    tenantId: tenantId(),
    id: id(),
    authorId: uuid('author_id').notNull(),
    groupId: uuid('group_id'),
    kind: text('kind').$type<'post' | 'announcement'>().notNull().default('post'),
    /** What the author wrote (Markdown subset) and its sanitised HTML, rendered once on write. */
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    ...moderationColumns(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('posts_author_fk', [table.tenantId, table.authorId], memberships),
    tenantForeignKey('posts_group_fk', [table.tenantId, table.groupId], groups),
    index('posts_recent_idx').on(
      table.tenantId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('posts_group_idx').on(
      table.tenantId,
      table.groupId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('posts_announcements_idx')
      .on(table.tenantId, table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst())
      .where(sql`kind = 'announcement'`),
    index('posts_author_idx').on(table.tenantId, table.authorId, table.createdAt.desc().nullsFirst()),
  ],
);

/** Hashtags of a post, with the post's time copied so a hashtag's feed reads one index in order. */
export const postHashtags = pgTable(
  'post_hashtags',
  {
    tenantId: tenantId(),
    hashtagId: uuid('hashtag_id').notNull(),
    postId: uuid('post_id').notNull(),
    // Copied from the post, so a hashtag's feed filters on this index's rows without visiting posts.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    authorId: uuid('author_id').notNull(),
    groupId: uuid('group_id'),
    status: text('status').$type<ContentStatus>().notNull().default('published'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.hashtagId, table.postId] }),
    tenantForeignKey('post_hashtags_post_fk', [table.tenantId, table.postId], posts).onDelete('cascade'),
    tenantForeignKey('post_hashtags_hashtag_fk', [table.tenantId, table.hashtagId], hashtags),
    index('post_hashtags_recent_idx').on(
      table.tenantId,
      table.hashtagId,
      table.createdAt.desc().nullsFirst(),
      table.postId.desc().nullsFirst(),
    ),
  ],
);

/**
 * A picture in a post, resized and stripped of metadata on upload. It belongs to its uploader until a
 * post takes it (post_id set); unattached uploads are cleared after a day.
 */
export const postImages = pgTable(
  'post_images',
  {
    tenantId: tenantId(),
    id: id(),
    uploaderId: uuid('uploader_id').notNull(),
    postId: uuid('post_id'),
    position: integer('position').notNull().default(0),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('post_images_uploader_fk', [table.tenantId, table.uploaderId], memberships),
    tenantForeignKey('post_images_post_fk', [table.tenantId, table.postId], posts).onDelete('cascade'),
    index('post_images_post_idx').on(table.tenantId, table.postId, table.position),
  ],
);

export const comments = pgTable(
  'comments',
  {
    tenantId: tenantId(),
    id: id(),
    postId: uuid('post_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    ...moderationColumns(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('comments_post_fk', [table.tenantId, table.postId], posts).onDelete('cascade'),
    tenantForeignKey('comments_author_fk', [table.tenantId, table.authorId], memberships),
    index('comments_post_idx').on(table.tenantId, table.postId, table.createdAt),
    // The activity rollup counts a day's comments by this index.
    index('comments_recent_idx').on(table.tenantId, table.createdAt),
  ],
);

export const reactionKinds = ['like', 'clap', 'idea', 'heart'] as const;
export type ReactionKind = (typeof reactionKinds)[number];

export const reactions = pgTable(
  'reactions',
  {
    tenantId: tenantId(),
    postId: uuid('post_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    kind: text('kind').$type<ReactionKind>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.postId, table.membershipId, table.kind] }),
    tenantForeignKey('reactions_post_fk', [table.tenantId, table.postId], posts).onDelete('cascade'),
    tenantForeignKey('reactions_membership_fk', [table.tenantId, table.membershipId], memberships),
    index('reactions_recent_idx').on(table.tenantId, table.createdAt),
  ],
);

export const reportTargets = ['post', 'comment', 'article_comment', 'message', 'member'] as const;
export type ReportTarget = (typeof reportTargets)[number];
export const reportReasons = ['spam', 'harassment', 'confidential', 'inappropriate', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

/** A member's report of a post, comment (on a post or an article), message or member, waiting in the moderators' queue until resolved. */
export const reports = pgTable(
  'reports',
  {
    tenantId: tenantId(),
    id: id(),
    reporterId: uuid('reporter_id').notNull(),
    targetType: text('target_type').$type<ReportTarget>().notNull(),
    targetId: uuid('target_id').notNull(),
    reason: text('reason').$type<ReportReason>().notNull(),
    note: text('note').notNull().default(''),
    status: text('status').$type<'open' | 'actioned' | 'dismissed'>().notNull().default('open'),
    resolvedBy: uuid('resolved_by'),
    resolution: text('resolution'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('reports_reporter_fk', [table.tenantId, table.reporterId], memberships),
    index('reports_open_idx').on(table.tenantId, table.status, table.createdAt),
    index('reports_target_idx').on(table.tenantId, table.targetType, table.targetId),
  ],
);

/** The network's word list: a post or comment containing a word is refused (block) or held for review. */
export const moderationWords = pgTable(
  'moderation_words',
  {
    tenantId: tenantId(),
    id: id(),
    word: text('word').notNull(),
    action: text('action').$type<'block' | 'hold'>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('moderation_words_word_key').on(table.tenantId, table.word),
  ],
);
