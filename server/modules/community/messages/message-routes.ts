import { createRoute, z } from '@hono/zod-openapi';
import { enforceRateLimit } from '../../../platform/http/rate-limit.js';
import { jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { type TenantServiceContext, withTenant } from '../../tenancy/tenant-context.js';
import { createCommunityRouter } from '../community-router.js';
import { badgeOf } from '../presenters.js';
import { MemberParamSchema } from '../schemas.js';
import {
  companyInbox,
  listConversations,
  openCompanyConversation,
  openDirectConversation,
  readMessages,
  sendMessage,
  unreadCounts,
} from './conversations.js';

export const messageRoutes = createCommunityRouter();
const tags = ['messages'];

const ConversationSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['direct', 'company']),
    title: z
      .string()
      .nullable()
      .openapi({ description: 'The other member; null for my thread with the company' }),
    lastMessage: z.string().nullable(),
    lastMessageAt: z.string().nullable(),
    unread: z.boolean(),
  })
  .openapi('ConversationSummary');
const MessageSchema = z.object({
  id: z.uuid(),
  body: z.string().openapi({ description: 'Empty for a message a moderator hid, except for its sender' }),
  hidden: z
    .object({ reason: z.string().nullable() })
    .nullable()
    .openapi({ description: 'Set when a moderator hid the message; the reason is shown to its sender only' }),
  createdAt: z.string(),
  mine: z.boolean(),
  sender: z.object({
    id: z.uuid(),
    displayName: z.string(),
    badge: z.enum(['staff', 'employee']).nullable(),
  }),
});
const ThreadSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['direct', 'company']),
  messages: z.array(MessageSchema),
});

async function thread(ctx: TenantServiceContext, id: string) {
  const read = await readMessages(ctx, id);
  return {
    id: read.conversation.id,
    kind: read.conversation.kind,
    messages: read.messages.map(({ message, sender }) => ({
      id: message.id,
      ...presentMessageBody(ctx, message),
      createdAt: message.createdAt.toISOString(),
      // On the company side every staff member speaks for the company, so "mine" means "my side".
      mine:
        sender.id === ctx.actor.membershipId ||
        (read.conversation.kind === 'company' &&
          read.side === 'b' &&
          sender.id !== read.conversation.memberA),
      sender: { id: sender.id, displayName: sender.displayName, badge: badgeOf(sender.role) },
    })),
  };
}

/** A hidden message stays in the thread as a gap; only its sender still reads it, with the reason. */
function presentMessageBody(
  ctx: TenantServiceContext,
  message: { senderId: string; body: string; status: string; moderationReason: string | null },
) {
  if (message.status !== 'hidden') return { body: message.body, hidden: null };
  const own = message.senderId === ctx.actor.membershipId;
  return own
    ? { body: message.body, hidden: { reason: message.moderationReason } }
    : { body: '', hidden: { reason: null } };
}

messageRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/conversations',
    tags,
    summary: 'My conversations, newest first, with unread flags and counts',
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(
        z.object({
          conversations: z.array(ConversationSummarySchema),
          unread: z.object({ conversations: z.number().int(), companyInbox: z.number().int() }),
        }),
      ),
      ...problems(401, 404),
    },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const rows = await listConversations(ctx);
      return {
        conversations: rows.map((row) => ({
          id: row.conversation.id,
          kind: row.conversation.kind,
          title: row.conversation.kind === 'company' ? null : row.otherName,
          lastMessage: row.lastMessage,
          lastMessageAt: row.conversation.lastMessageAt?.toISOString() ?? null,
          unread: Boolean(row.unread),
        })),
        unread: await unreadCounts(ctx, rows),
      };
    });
    return c.json(body, 200);
  },
);

messageRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/conversations',
    tags,
    summary: 'Open my conversation with a member, or (without memberId) my private thread with the company',
    request: { params: TenantParamSchema, ...jsonBody(z.strictObject({ memberId: z.uuid().optional() })) },
    responses: { 200: jsonContent(z.object({ id: z.uuid() })), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const { memberId } = c.req.valid('json');
    const row = await withTenant(c, (ctx) =>
      memberId ? openDirectConversation(ctx, memberId) : openCompanyConversation(ctx),
    );
    return c.json({ id: row.id }, 200);
  },
);

messageRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/conversations/{id}',
    tags,
    summary: 'The messages of a conversation (marks it read)',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(ThreadSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, (ctx) => thread(ctx, c.req.valid('param').id));
    return c.json(body, 200);
  },
);

messageRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/conversations/{id}/messages',
    tags,
    summary: 'Send a message',
    request: { params: MemberParamSchema, ...jsonBody(z.strictObject({ body: z.string().max(5000) })) },
    responses: { 201: jsonContent(ThreadSchema), ...problems(401, 404, 409, 422, 429) },
  }),
  async (c) => {
    await enforceRateLimit(c.var.deps.database.db, `message:${c.var.tenant.id}:${c.var.actor.membershipId}`, {
      limit: 30,
      windowSeconds: 60,
    });
    const { id } = c.req.valid('param');
    const body = await withTenant(c, async (ctx) => {
      await sendMessage(ctx, id, c.req.valid('json').body);
      return thread(ctx, id);
    });
    return c.json(body, 201);
  },
);

messageRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/inbox',
    tags,
    summary: "The company's shared inbox of members' private threads (owners and HR admins)",
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(
        z.object({
          threads: z.array(
            z.object({
              id: z.uuid(),
              member: z.string(),
              lastMessage: z.string().nullable(),
              lastMessageAt: z.string().nullable(),
              unread: z.boolean(),
            }),
          ),
        }),
      ),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => companyInbox(ctx));
    return c.json(
      {
        threads: rows.map((row) => ({
          id: row.conversation.id,
          member: row.member,
          lastMessage: row.lastMessage,
          lastMessageAt: row.conversation.lastMessageAt?.toISOString() ?? null,
          unread: Boolean(row.unread),
        })),
      },
      200,
    );
  },
);

messageRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/inbox/{id}',
    tags,
    summary:
      'Open a private thread with a member who agreed to be contacted by the company (owners and HR admins)',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(z.object({ id: z.uuid() })), ...problems(401, 403, 404, 409) },
  }),
  async (c) => {
    const row = await withTenant(c, (ctx) => openCompanyConversation(ctx, c.req.valid('param').id));
    return c.json({ id: row.id }, 200);
  },
);
