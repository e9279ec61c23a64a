import { eq } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { accounts, type MagicLinkPurpose, type magicLinks } from '../../db/schema/index.js';
import { AppError } from '../errors.js';
import type { Deps } from '../http/env.js';

type MagicLink = typeof magicLinks.$inferSelect;
export type Completion = (
  deps: Deps,
  tx: AppTransaction,
  link: MagicLink,
) => Promise<{ accountId: string; redirectTo: string }>;

/** Only same-site paths may be redirect targets, never another host. */
export function safeRedirect(target: unknown, fallback: string): string {
  return typeof target === 'string' && /^\/(?!\/)[\w\-./?=&%#]*$/.test(target) ? target : fallback;
}

const signIn: Completion = async (_deps, tx, link) => {
  const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, link.email));
  if (!account) throw new AppError(400, 'link_invalid');
  return { accountId: account.id, redirectTo: safeRedirect(link.redirectTo, '/tenants') };
};

const completions = new Map<MagicLinkPurpose, Completion>([
  ['sign_in', signIn],
  ['staff_invite', signIn],
]);

/** Modules add what a link of their purpose does once it is opened (e.g. sign-up creates the network). */
export function registerCompletion(purpose: MagicLinkPurpose, completion: Completion): void {
  completions.set(purpose, completion);
}

export function completionFor(purpose: MagicLinkPurpose): Completion {
  const completion = completions.get(purpose);
  if (!completion) throw new AppError(400, 'link_invalid');
  return completion;
}
