import { createRoute } from '@hono/zod-openapi';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { and, eq, ne } from 'drizzle-orm';
import type { Context } from 'hono';
import { memberships, tenants } from '../../db/schema/index.js';
import { asAccount } from '../../db/scope.js';
import type { AppEnv } from '../http/env.js';
import { enforceRateLimit } from '../http/rate-limit.js';
import { createRouter, jsonBody, jsonContent, problems } from '../http/router.js';
import { canReadDevMailbox } from '../mail/dev-mailbox-access.js';
import { completionFor } from './completions.js';
import { consumeMagicLink, requestSignInLink } from './magic-link.js';
import { finishPasskeySignIn, startPasskeySignIn } from './passkeys.js';
import { presentAccount } from './presenters.js';
import {
  MagicLinkRequestSchema,
  OkSchema,
  PasskeyOptionsResponseSchema,
  PasskeySignInSchema,
  SessionStateSchema,
  VerifyRequestSchema,
  VerifyResponseSchema,
} from './schemas.js';
import { clientAddress, endSession, startSession } from './sessions.js';

export const authRoutes = createRouter();

async function sessionState(c: Context<AppEnv>) {
  const auth = c.var.auth;
  const devMailbox = canReadDevMailbox(c);
  if (!auth) return { signedIn: false, account: null, memberships: [], devMailbox };
  const rows = await asAccount(c.var.deps.database.db, auth.account.id, (tx) =>
    tx
      .select({
        slug: tenants.slug,
        nameJa: tenants.nameJa,
        nameEn: tenants.nameEn,
        role: memberships.role,
        displayName: memberships.displayName,
      })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(and(eq(memberships.accountId, auth.account.id), ne(memberships.status, 'removed')))
      .orderBy(tenants.nameJa),
  );
  return {
    signedIn: true,
    account: presentAccount(auth.account),
    memberships: rows.map((row) => ({
      tenant: { slug: row.slug, nameJa: row.nameJa, nameEn: row.nameEn },
      role: row.role,
      displayName: row.displayName,
    })),
    devMailbox,
  };
}

authRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/session',
    tags: ['auth'],
    summary: 'Who is signed in, and the networks they belong to',
    responses: { 200: jsonContent(SessionStateSchema) },
  }),
  async (c) => c.json(await sessionState(c), 200),
);

authRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/magic-link',
    tags: ['auth'],
    summary: 'Send a sign-in link by e-mail (same answer for known and unknown addresses)',
    request: jsonBody(MagicLinkRequestSchema),
    responses: { 202: jsonContent(OkSchema, 'Accepted'), ...problems(403, 422, 429) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    await requestSignInLink(c.var.deps, { ...input, locale: c.var.locale }, clientAddress(c));
    return c.json({ ok: true as const }, 202);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/verify',
    tags: ['auth'],
    summary: 'Use an e-mailed link: signs in (and completes sign-up or invitations)',
    request: jsonBody(VerifyRequestSchema),
    responses: { 200: jsonContent(VerifyResponseSchema), ...problems(400, 403, 409, 422, 429) },
  }),
  async (c) => {
    const { token } = c.req.valid('json');
    const deps = c.var.deps;
    await enforceRateLimit(deps.database.db, `verify:ip:${clientAddress(c)}`, {
      limit: 60,
      windowSeconds: 15 * 60,
    });
    const result = await deps.database.db.transaction(async (tx) => {
      const link = await consumeMagicLink(tx, token);
      const completed = await completionFor(link.purpose)(deps, tx, link);
      await startSession(c, tx, completed.accountId, 'magic_link');
      return completed;
    });
    const account = await deps.database.db.query.accounts.findFirst({
      where: (accounts, { eq: equals }) => equals(accounts.id, result.accountId),
    });
    return c.json({ redirectTo: result.redirectTo, account: presentAccount(account!) }, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/sign-out',
    tags: ['auth'],
    summary: 'End this session',
    responses: { 200: jsonContent(OkSchema), ...problems(403) },
  }),
  async (c) => {
    if (c.var.auth) await endSession(c, c.var.auth.sessionId);
    return c.json({ ok: true as const }, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/passkey/options',
    tags: ['auth'],
    summary: 'Start signing in with a passkey',
    responses: { 200: jsonContent(PasskeyOptionsResponseSchema), ...problems(403, 429) },
  }),
  async (c) => {
    await enforceRateLimit(c.var.deps.database.db, `passkey:ip:${clientAddress(c)}`, {
      limit: 60,
      windowSeconds: 15 * 60,
    });
    const started = await startPasskeySignIn(c.var.deps);
    return c.json({ challengeId: started.challengeId, options: { ...started.options } }, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/passkey/verify',
    tags: ['auth'],
    summary: 'Finish signing in with a passkey',
    request: jsonBody(PasskeySignInSchema),
    responses: { 200: jsonContent(VerifyResponseSchema), ...problems(400, 403, 422) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const deps = c.var.deps;
    const accountId = await deps.database.db.transaction(async (tx) => {
      const id = await finishPasskeySignIn(deps, tx, {
        challengeId: input.challengeId,
        response: input.response as unknown as AuthenticationResponseJSON,
      });
      await startSession(c, tx, id, 'passkey');
      return id;
    });
    const account = await deps.database.db.query.accounts.findFirst({
      where: (accounts, { eq: equals }) => equals(accounts.id, accountId),
    });
    return c.json({ redirectTo: '/tenants', account: presentAccount(account!) }, 200);
  },
);
