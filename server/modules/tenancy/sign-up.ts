import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tenants } from '../../db/schema/index.js';
import { type Completion, registerCompletion } from '../../platform/auth/completions.js';
import { issueMagicLink, normaliseEmail } from '../../platform/auth/magic-link.js';
import { AppError, conflict } from '../../platform/errors.js';
import type { Deps } from '../../platform/http/env.js';
import { enforceRateLimits } from '../../platform/http/rate-limit.js';
import type { Locale } from '../../platform/i18n/messages.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { signUpMail } from '../../platform/mail/templates.js';
import { createTenant } from './create-tenant.js';

export type SignUpInput = {
  networkNameJa: string;
  networkNameEn: string;
  slug: string;
  ownerName: string;
  email: string;
  locale: Locale;
};

const pendingSignUp = z.object({
  slug: z.string(),
  networkNameJa: z.string(),
  networkNameEn: z.string(),
  ownerName: z.string(),
  locale: z.enum(['ja', 'en']),
});

/** Step one of "create your company's alumni network": prove the address, then the network is made. */
export async function requestSignUp(deps: Deps, input: SignUpInput, ipAddress: string): Promise<void> {
  if (!deps.config.signupOpen) throw new AppError(403, 'signup_closed');
  const db = deps.database.db;
  await enforceRateLimits(db, [
    { key: `signup:ip:${ipAddress}`, rule: { limit: 10, windowSeconds: 3600 } },
    { key: `signup:email:${normaliseEmail(input.email)}`, rule: { limit: 5, windowSeconds: 3600 } },
  ]);
  await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug));
    if (taken) throw conflict('slug_taken');
    const { email, ...pending } = input;
    const link = await issueMagicLink(deps, tx, { email, purpose: 'sign_up', payload: pending });
    const networkName = input.locale === 'ja' ? input.networkNameJa : input.networkNameEn;
    await queueMail(
      deps.jobs,
      tx,
      {
        to: normaliseEmail(email),
        ...signUpMail(input.locale, link, networkName),
      },
      { lane: 'immediate' },
    );
  });
}

const completeSignUp: Completion = async (_deps, tx, link) => {
  const pending = pendingSignUp.parse(link.payload);
  const { tenant, account } = await createTenant(tx, {
    slug: pending.slug,
    nameJa: pending.networkNameJa,
    nameEn: pending.networkNameEn,
    owner: { email: link.email, displayName: pending.ownerName, locale: pending.locale },
  });
  return { accountId: account.id, redirectTo: `/t/${tenant.slug}/admin` };
};

registerCompletion('sign_up', completeSignUp);
