import { z } from '@hono/zod-openapi';
import { reactionKinds } from '../../../db/schema/index.js';
import { SlugSchema } from '../../tenancy/schemas.js';

export const PostParamSchema = z.object({ slug: SlugSchema, id: z.uuid() });
export const CommentParamSchema = PostParamSchema.extend({ commentId: z.uuid() });
export const ReactionParamSchema = PostParamSchema.extend({ kind: z.enum(reactionKinds) });
export const FeedQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const Body = z.string().max(5000);
export const NewPostSchema = z
  .strictObject({
    body: Body,
    groupId: z.uuid().optional(),
    announcement: z.boolean().optional(),
    imageIds: z
      .array(z.uuid())
      .max(4)
      .optional()
      .openapi({ description: 'Images uploaded to /community/post-images beforehand, in order' }),
  })
  .openapi('NewPost');
export const PostImageSchema = z
  .object({ id: z.uuid(), url: z.string(), width: z.number().int(), height: z.number().int() })
  .openapi('PostImage');
export const EditPostSchema = z.strictObject({ body: Body });
export const PinSchema = z.strictObject({ pinned: z.boolean() });
export const NewCommentSchema = z.strictObject({ body: z.string().max(2000) });

export const PostSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['post', 'announcement']),
    author: z.object({
      id: z.uuid(),
      displayName: z.string(),
      badge: z.enum(['staff', 'employee']).nullable(),
      photoUrl: z.string().optional(),
    }),
    group: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    bodyHtml: z.string().openapi({ description: 'Sanitised HTML rendered from the Markdown subset' }),
    images: z.array(PostImageSchema),
    body: z.string().optional().openapi({ description: 'The source text, for its author only' }),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
    pinned: z.boolean(),
    reactions: z.partialRecord(z.enum(reactionKinds), z.number().int()),
    myReactions: z.array(z.enum(reactionKinds)),
    commentCount: z.number().int(),
    canEdit: z.boolean(),
    canDelete: z.boolean(),
    canPin: z.boolean(),
    moderation: z
      .object({ status: z.enum(['held', 'hidden', 'published']), reason: z.string().nullable() })
      .optional()
      .openapi({ description: 'For the author only: why the post is hidden, or that it waits for review' }),
  })
  .openapi('Post');

export const FeedSchema = z
  .object({ pinned: z.array(PostSchema), posts: z.array(PostSchema), nextCursor: z.string().nullable() })
  .openapi('Feed');

export const CommentSchema = z
  .object({
    id: z.uuid(),
    author: z.object({ id: z.uuid(), displayName: z.string() }),
    bodyHtml: z.string(),
    createdAt: z.string(),
    canDelete: z.boolean(),
  })
  .openapi('Comment');
