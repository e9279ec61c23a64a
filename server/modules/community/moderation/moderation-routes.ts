import { createRoute, z } from '@hono/zod-openapi';
import { reportReasons, reportTargets } from '../../../db/schema/index.js';
import { OkSchema } from '../../../platform/auth/schemas.js';
import { enforceRateLimit } from '../../../platform/http/rate-limit.js';
import { jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { SlugSchema, TenantParamSchema } from '../../tenancy/schemas.js';
import { loadTenant, withTenant } from '../../tenancy/tenant-context.js';
import { createCommunityRouter } from '../community-router.js';
import { MemberParamSchema } from '../schemas.js';
import {
  dismissReport,
  moderateArticleComment,
  moderateComment,
  moderateMessage,
  moderatePost,
  suspendMember,
} from './moderate.js';
import { authorizeModeration } from './moderation-policy.js';
import { moderationQueue, reportContent } from './reports.js';
import { addWord, listWords, removeWord } from './word-list.js';

export const moderationRoutes = createCommunityRouter();
moderationRoutes.use('/t/:slug/community/moderation/*', loadTenant, async (c, next) => {
  authorizeModeration(c.var.actor);
  await next();
});
const tags = ['moderation'];
const Reason = z.string().trim().min(1).max(500);
const ContentActionSchema = z.strictObject({ action: z.enum(['hide', 'publish']), reason: Reason });
const WordParamSchema = z.object({ slug: SlugSchema, id: z.uuid() });

moderationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/reports',
    tags,
    summary:
      'Report a post, a comment on a post or a news article, a message (sent to me by a member) or a ' +
      'member to the moderators',
    request: {
      params: TenantParamSchema,
      ...jsonBody(
        z.strictObject({
          targetType: z.enum(reportTargets),
          targetId: z.uuid(),
          reason: z.enum(reportReasons),
          note: z.string().max(1000).default(''),
        }),
      ),
    },
    responses: { 201: jsonContent(OkSchema), ...problems(401, 404, 409, 422, 429) },
  }),
  async (c) => {
    await enforceRateLimit(c.var.deps.database.db, `report:${c.var.tenant.id}:${c.var.actor.membershipId}`, {
      limit: 20,
      windowSeconds: 3600,
    });
    await withTenant(c, (ctx) => reportContent(ctx, c.req.valid('json')));
    return c.json({ ok: true as const }, 201);
  },
);

const Person = z.object({ id: z.uuid(), displayName: z.string() });
const QueueSchema = z
  .object({
    reports: z.array(
      z.object({
        id: z.uuid(),
        targetType: z.enum(reportTargets),
        targetId: z.uuid(),
        reason: z.enum(reportReasons),
        note: z.string(),
        reporter: z.string(),
        status: z.enum(['open', 'actioned', 'dismissed']),
        resolution: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    posts: z.array(
      z.object({
        id: z.uuid(),
        author: Person,
        bodyHtml: z.string(),
        status: z.enum(['published', 'held', 'hidden']),
        reason: z.string().nullable(),
        groupId: z.uuid().nullable(),
        createdAt: z.string(),
      }),
    ),
    comments: z.array(
      z.object({
        id: z.uuid(),
        postId: z.uuid(),
        author: Person,
        bodyHtml: z.string(),
        status: z.enum(['published', 'held', 'hidden']),
        reason: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    articleComments: z.array(
      z.object({
        id: z.uuid(),
        article: z.object({ id: z.uuid(), title: z.string() }),
        author: Person,
        bodyHtml: z.string(),
        status: z.enum(['published', 'held', 'hidden']),
        reason: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    messages: z.array(
      z.object({
        id: z.uuid(),
        sender: Person,
        body: z.string(),
        status: z.enum(['published', 'held', 'hidden']),
        reason: z.string().nullable(),
        createdAt: z.string(),
        context: z.array(z.object({ sender: z.string(), body: z.string(), createdAt: z.string() })),
      }),
    ),
    members: z.array(Person.extend({ role: z.string(), status: z.string() })),
  })
  .openapi('ModerationQueue');

moderationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/moderation/queue',
    tags,
    summary: 'Reports with the reported content in context, and content the word list held (moderators)',
    request: {
      params: TenantParamSchema,
      query: z.object({ status: z.enum(['open', 'resolved']).default('open') }),
    },
    responses: { 200: jsonContent(QueueSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const queue = await withTenant(c, (ctx) => moderationQueue(ctx, c.req.valid('query').status));
    return c.json(
      {
        reports: queue.reports.map(({ report, reporter }) => ({
          id: report.id,
          targetType: report.targetType,
          targetId: report.targetId,
          reason: report.reason,
          note: report.note,
          reporter,
          status: report.status,
          resolution: report.resolution,
          createdAt: report.createdAt.toISOString(),
        })),
        posts: queue.posts.map(({ post, author }) => ({
          id: post.id,
          author: { id: post.authorId, displayName: author },
          bodyHtml: post.bodyHtml,
          status: post.status,
          reason: post.moderationReason,
          groupId: post.groupId,
          createdAt: post.createdAt.toISOString(),
        })),
        comments: queue.comments.map(({ comment, author }) => ({
          id: comment.id,
          postId: comment.postId,
          author: { id: comment.authorId, displayName: author },
          bodyHtml: comment.bodyHtml,
          status: comment.status,
          reason: comment.moderationReason,
          createdAt: comment.createdAt.toISOString(),
        })),
        articleComments: queue.articleComments.map(({ comment, author, article }) => ({
          id: comment.id,
          article,
          author: { id: comment.authorId, displayName: author },
          bodyHtml: comment.bodyHtml,
          status: comment.status,
          reason: comment.moderationReason,
          createdAt: comment.createdAt.toISOString(),
        })),
        messages: queue.messages.map(({ message, sender, context }) => ({
          id: message.id,
          sender: { id: message.senderId, displayName: sender },
          body: message.body,
          status: message.status,
          reason: message.moderationReason,
          createdAt: message.createdAt.toISOString(),
          context: context.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
        })),
        members: queue.members,
      },
      200,
    );
  },
);

const moderators = {
  posts: moderatePost,
  comments: moderateComment,
  'article-comments': moderateArticleComment,
  messages: moderateMessage,
};
const singular = {
  posts: 'post',
  comments: 'comment',
  'article-comments': 'comment on a news article',
  messages: 'message',
};
for (const kind of ['posts', 'comments', 'article-comments', 'messages'] as const) {
  moderationRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/t/{slug}/community/moderation/${kind}/{id}`,
      tags,
      summary: `Hide a ${singular[kind]} with a reason its author sees, or publish it (moderators; logged)`,
      request: { params: MemberParamSchema, ...jsonBody(ContentActionSchema) },
      responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 422) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await withTenant(c, (ctx) => moderators[kind](ctx, id, c.req.valid('json')));
      if (kind === 'posts') c.var.deps.events.publish(c.var.tenant.id, { type: 'feed' });
      return c.json({ ok: true as const }, 200);
    },
  );
}

moderationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/moderation/members/{id}/suspend',
    tags,
    summary: 'Suspend a member (moderators; not staff; logged)',
    request: { params: MemberParamSchema, ...jsonBody(z.strictObject({ reason: Reason })) },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => suspendMember(ctx, c.req.valid('param').id, c.req.valid('json').reason));
    return c.json({ ok: true as const }, 200);
  },
);

moderationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/moderation/reports/{id}/dismiss',
    tags,
    summary: 'Close a report without action (moderators; logged)',
    request: {
      params: MemberParamSchema,
      ...jsonBody(z.strictObject({ note: z.string().max(500).default('') })),
    },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => dismissReport(ctx, c.req.valid('param').id, c.req.valid('json').note));
    return c.json({ ok: true as const }, 200);
  },
);

const WordSchema = z.object({ id: z.uuid(), word: z.string(), action: z.enum(['block', 'hold']) });
moderationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/moderation/words',
    tags,
    summary: "The network's word list (moderators)",
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(z.object({ words: z.array(WordSchema) })), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listWords(ctx));
    return c.json({ words: rows.map(({ id, word, action }) => ({ id, word, action })) }, 200);
  },
);

moderationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/moderation/words',
    tags,
    summary: 'Add a word that blocks posts, or holds them for review (moderators; logged)',
    request: {
      params: TenantParamSchema,
      ...jsonBody(
        z.strictObject({ word: z.string().trim().min(1).max(50), action: z.enum(['block', 'hold']) }),
      ),
    },
    responses: { 201: jsonContent(WordSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const { word, action } = c.req.valid('json');
    const row = await withTenant(c, (ctx) => addWord(ctx, word, action));
    return c.json({ id: row.id, word: row.word, action: row.action }, 201);
  },
);

moderationRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/community/moderation/words/{id}',
    tags,
    summary: 'Remove a word from the list (moderators; logged)',
    request: { params: WordParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => removeWord(ctx, c.req.valid('param').id));
    return c.json({ ok: true as const }, 200);
  },
);
