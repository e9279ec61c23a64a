import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppDatabase, Queryable } from '../../db/client.js';
import { accounts, sessions } from '../../db/schema/index.js';
import { unauthenticated } from '../errors.js';
import { clientAddress } from '../http/client-address.js';
import type { AppEnv, SignedIn } from '../http/env.js';
import { createToken, hashToken } from './tokens.js';

export const SESSION_COOKIE = 'enishi_session';
const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export async function startSession(
  c: Context<AppEnv>,
  tx: Queryable,
  accountId: string,
  method: 'magic_link' | 'passkey' | 'invitation',
): Promise<void> {
  const token = createToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await tx.insert(sessions).values({
    tokenHash: hashToken(token),
    accountId,
    method,
    userAgent: (c.req.header('user-agent') ?? '').slice(0, 300),
    ipAddress: clientAddress(c),
    expiresAt,
  });
  await tx.update(accounts).set({ lastSignedInAt: new Date() }).where(eq(accounts.id, accountId));
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: c.var.deps.config.secureCookies,
    sameSite: 'Lax',
    expires: expiresAt,
  });
}

// Callers across the modules import it from here, next to the sessions that record it.
export { clientAddress };

async function findSession(
  db: AppDatabase,
  token: string,
): Promise<(SignedIn & { lastSeenAt: Date }) | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      id: accounts.id,
      email: accounts.email,
      displayName: accounts.displayName,
      locale: accounts.locale,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
      ),
    );
  if (!row) return null;
  const { sessionId, lastSeenAt, ...account } = row;
  return { sessionId, lastSeenAt, account };
}

/** Resolves the session cookie on every request; an unknown, expired or revoked token means signed out. */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const db = c.var.deps.database.db;
  const found = token ? await findSession(db, token) : null;
  if (found && Date.now() - found.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, found.sessionId));
  }
  if (token && !found) deleteCookie(c, SESSION_COOKIE, { path: '/' });
  c.set('auth', found ? { sessionId: found.sessionId, account: found.account } : null);
  await next();
});

export function requireSignedIn(c: Context<AppEnv>): SignedIn {
  const auth = c.var.auth;
  if (!auth) throw unauthenticated();
  return auth;
}

export async function endSession(c: Context<AppEnv>, sessionId: string): Promise<void> {
  await revokeSession(c.var.deps.database.db, sessionId);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export async function revokeSession(db: Queryable, sessionId: string, accountId?: string): Promise<boolean> {
  const conditions = [eq(sessions.id, sessionId), isNull(sessions.revokedAt)];
  if (accountId) conditions.push(eq(sessions.accountId, accountId));
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(...conditions))
    .returning({ id: sessions.id });
  return revoked.length > 0;
}

export async function listSessions(db: Queryable, accountId: string) {
  return db
    .select({
      id: sessions.id,
      method: sessions.method,
      userAgent: sessions.userAgent,
      ipAddress: sessions.ipAddress,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(
      and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)),
    )
    .orderBy(desc(sessions.lastSeenAt));
}
