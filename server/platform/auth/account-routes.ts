import { createRoute, z } from '@hono/zod-openapi';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { eq } from 'drizzle-orm';
import { accounts } from '../../db/schema/index.js';
import { notFound } from '../errors.js';
import { createRouter, jsonBody, jsonContent, problems } from '../http/router.js';
import {
  deletePasskey,
  finishPasskeyRegistration,
  listPasskeys,
  startPasskeyRegistration,
} from './passkeys.js';
import { presentAccount, presentPasskey, presentSession } from './presenters.js';
import {
  AccountSchema,
  AccountUpdateSchema,
  IdParamSchema,
  OkSchema,
  PasskeyOptionsResponseSchema,
  PasskeyRegisterSchema,
  PasskeySchema,
  SessionSchema,
} from './schemas.js';
import { listSessions, requireSignedIn, revokeSession } from './sessions.js';

export const accountRoutes = createRouter();

accountRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/account',
    tags: ['account'],
    summary: 'Change my display name or language',
    request: jsonBody(AccountUpdateSchema),
    responses: { 200: jsonContent(AccountSchema), ...problems(401, 403, 422) },
  }),
  async (c) => {
    const auth = requireSignedIn(c);
    const input = c.req.valid('json');
    const [updated] = await c.var.deps.database.db
      .update(accounts)
      .set(input)
      .where(eq(accounts.id, auth.account.id))
      .returning();
    return c.json(presentAccount(updated!), 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/account/sessions',
    tags: ['account'],
    summary: 'My signed-in sessions',
    responses: { 200: jsonContent(z.object({ sessions: z.array(SessionSchema) })), ...problems(401) },
  }),
  async (c) => {
    const auth = requireSignedIn(c);
    const rows = await listSessions(c.var.deps.database.db, auth.account.id);
    return c.json({ sessions: rows.map((row) => presentSession(row, auth.sessionId)) }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/account/sessions/{id}',
    tags: ['account'],
    summary: 'Sign out one of my sessions',
    request: { params: z.object({ id: z.uuid() }) },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const auth = requireSignedIn(c);
    const revoked = await revokeSession(c.var.deps.database.db, c.req.valid('param').id, auth.account.id);
    if (!revoked) throw notFound();
    return c.json({ ok: true as const }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/account/passkeys',
    tags: ['account'],
    summary: 'My passkeys',
    responses: { 200: jsonContent(z.object({ passkeys: z.array(PasskeySchema) })), ...problems(401) },
  }),
  async (c) => {
    const auth = requireSignedIn(c);
    const keys = await listPasskeys(c.var.deps.database.db, auth.account.id);
    return c.json({ passkeys: keys.map(presentPasskey) }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/account/passkeys/options',
    tags: ['account'],
    summary: 'Start adding a passkey',
    responses: { 200: jsonContent(PasskeyOptionsResponseSchema), ...problems(401, 403) },
  }),
  async (c) => {
    const started = await startPasskeyRegistration(c.var.deps, requireSignedIn(c));
    return c.json({ challengeId: started.challengeId, options: { ...started.options } }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/account/passkeys',
    tags: ['account'],
    summary: 'Finish adding a passkey',
    request: jsonBody(PasskeyRegisterSchema),
    responses: { 201: jsonContent(PasskeySchema, 'Created'), ...problems(400, 401, 403, 422) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const created = await finishPasskeyRegistration(c.var.deps, requireSignedIn(c), {
      ...input,
      response: input.response as unknown as RegistrationResponseJSON,
    });
    return c.json(presentPasskey(created), 201);
  },
);

accountRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/account/passkeys/{id}',
    tags: ['account'],
    summary: 'Remove a passkey',
    request: { params: IdParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    await deletePasskey(c.var.deps.database.db, requireSignedIn(c).account.id, c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  },
);
