import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { and, eq, gt } from 'drizzle-orm';
import type { AppDatabase, Queryable } from '../../db/client.js';
import { authChallenges, passkeys } from '../../db/schema/index.js';
import { AppError, notFound } from '../errors.js';
import type { Deps, SignedIn } from '../http/env.js';

const CHALLENGE_MINUTES = 5;

function relyingParty(deps: Deps) {
  return {
    rpID: deps.config.webauthnRpId,
    rpName: deps.config.webauthnRpName,
    origin: new URL(deps.config.publicUrl).origin,
  };
}

async function storeChallenge(
  db: Queryable,
  challenge: string,
  purpose: 'register' | 'authenticate',
  accountId?: string,
) {
  const [row] = await db
    .insert(authChallenges)
    .values({
      challenge,
      purpose,
      accountId,
      expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60 * 1000),
    })
    .returning({ id: authChallenges.id });
  return row!.id;
}

/** Takes a challenge out of the table: each one can be answered once. */
async function takeChallenge(
  db: Queryable,
  id: string,
  purpose: 'register' | 'authenticate',
  accountId?: string,
) {
  const conditions = [
    eq(authChallenges.id, id),
    eq(authChallenges.purpose, purpose),
    gt(authChallenges.expiresAt, new Date()),
  ];
  if (accountId) conditions.push(eq(authChallenges.accountId, accountId));
  const [row] = await db
    .delete(authChallenges)
    .where(and(...conditions))
    .returning();
  if (!row) throw new AppError(400, 'passkey_failed');
  return row.challenge;
}

export async function startPasskeyRegistration(deps: Deps, auth: SignedIn) {
  const db = deps.database.db;
  const existing = await db.select().from(passkeys).where(eq(passkeys.accountId, auth.account.id));
  const rp = relyingParty(deps);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: auth.account.email,
    userDisplayName: auth.account.displayName || auth.account.email,
    userID: new TextEncoder().encode(auth.account.id),
    attestationType: 'none',
    excludeCredentials: existing.map((key) => ({
      id: key.id,
      transports: key.transports as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  const challengeId = await storeChallenge(db, options.challenge, 'register', auth.account.id);
  return { challengeId, options };
}

export async function finishPasskeyRegistration(
  deps: Deps,
  auth: SignedIn,
  input: { challengeId: string; name: string; response: RegistrationResponseJSON },
) {
  const db = deps.database.db;
  const expectedChallenge = await takeChallenge(db, input.challengeId, 'register', auth.account.id);
  const rp = relyingParty(deps);
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
  }).catch(() => null);
  if (!verification?.verified || !verification.registrationInfo) throw new AppError(400, 'passkey_failed');
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  const [created] = await db
    .insert(passkeys)
    .values({
      id: credential.id,
      accountId: auth.account.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
      name: input.name,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new AppError(400, 'passkey_failed');
  return created;
}

export async function startPasskeySignIn(deps: Deps) {
  const rp = relyingParty(deps);
  // No allowCredentials: the browser offers the discoverable passkeys it holds for this site.
  const options = await generateAuthenticationOptions({ rpID: rp.rpID, userVerification: 'preferred' });
  const challengeId = await storeChallenge(deps.database.db, options.challenge, 'authenticate');
  return { challengeId, options };
}

/** Returns the account the passkey belongs to; the caller starts the session. */
export async function finishPasskeySignIn(
  deps: Deps,
  db: Queryable,
  input: { challengeId: string; response: AuthenticationResponseJSON },
): Promise<string> {
  const expectedChallenge = await takeChallenge(db, input.challengeId, 'authenticate');
  const [key] = await db.select().from(passkeys).where(eq(passkeys.id, input.response.id));
  if (!key) throw new AppError(400, 'passkey_failed');
  const rp = relyingParty(deps);
  const verification = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    credential: {
      id: key.id,
      publicKey: new Uint8Array(key.publicKey),
      counter: key.counter,
      transports: key.transports as AuthenticatorTransportFuture[],
    },
  }).catch(() => null);
  if (!verification?.verified) throw new AppError(400, 'passkey_failed');
  await db
    .update(passkeys)
    .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() })
    .where(eq(passkeys.id, key.id));
  return key.accountId;
}

export async function listPasskeys(db: AppDatabase, accountId: string) {
  return db.select().from(passkeys).where(eq(passkeys.accountId, accountId));
}

export async function deletePasskey(db: AppDatabase, accountId: string, id: string) {
  const removed = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.accountId, accountId)))
    .returning({ id: passkeys.id });
  if (removed.length === 0) throw notFound();
}
