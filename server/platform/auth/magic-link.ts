import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { accounts, type MagicLinkPurpose, magicLinks } from '../../db/schema/index.js';
import { AppError } from '../errors.js';
import type { Deps } from '../http/env.js';
import { enforceRateLimits } from '../http/rate-limit.js';
import type { Locale } from '../i18n/messages.js';
import { queueMail } from '../mail/queue-mail.js';

import { signInMail, unknownAddressMail } from '../mail/templates.js';
import { createToken, hashToken } from './tokens.js';

/** A sign-in link is waited for: it never queues behind bulk mail. */
const IMMEDIATE = { lane: 'immediate' } as const;

export const MAGIC_LINK_MINUTES = 15;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a single-use link and returns the URL to put in the mail. Only the token's hash is stored. */
export async function issueMagicLink(
  deps: Deps,
  tx: AppTransaction,
  link: {
    email: string;
    purpose: MagicLinkPurpose;
    payload?: Record<string, unknown>;
    redirectTo?: string | null;
  },
): Promise<string> {
  const token = createToken();
  await tx.insert(magicLinks).values({
    tokenHash: hashToken(token),
    email: normaliseEmail(link.email),
    purpose: link.purpose,
    payload: link.payload ?? {},
    redirectTo: link.redirectTo ?? null,
    expiresAt: new Date(Date.now() + MAGIC_LINK_MINUTES * 60 * 1000),
  });
  return `${deps.config.publicUrl}/auth/verify#token=${token}`;
}

export const signInLimits = {
  perAddress: { limit: 5, windowSeconds: 15 * 60 },
  perAddressIp: { limit: 30, windowSeconds: 15 * 60 },
};

/**
 * The answer is the same whether or not the address belongs to someone: a known address gets a
 * sign-in link, an unknown one a note saying so, and the caller learns nothing from the response.
 */
export async function requestSignInLink(
  deps: Deps,
  input: { email: string; locale: Locale; redirectTo?: string | undefined },
  ipAddress: string,
): Promise<void> {
  const email = normaliseEmail(input.email);
  const db = deps.database.db;
  await enforceRateLimits(db, [
    { key: `magic-link:ip:${ipAddress}`, rule: signInLimits.perAddressIp },
    { key: `magic-link:email:${email}`, rule: signInLimits.perAddress },
  ]);
  await db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.email, email));
    if (account) {
      const url = await issueMagicLink(deps, tx, { email, purpose: 'sign_in', redirectTo: input.redirectTo });
      await queueMail(deps.jobs, tx, { to: email, ...signInMail(account.locale, url) }, IMMEDIATE);
    } else {
      await queueMail(
        deps.jobs,
        tx,
        {
          to: email,
          ...unknownAddressMail(input.locale, `${deps.config.publicUrl}/signup`),
        },
        IMMEDIATE,
      );
    }
  });
}

/** Marks the link used in the same statement that finds it, so two clicks cannot both succeed. */
export async function consumeMagicLink(tx: AppTransaction, token: string) {
  const [link] = await tx
    .update(magicLinks)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(magicLinks.tokenHash, hashToken(token)),
        isNull(magicLinks.usedAt),
        gt(magicLinks.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!link) throw new AppError(400, 'link_invalid');
  return link;
}
