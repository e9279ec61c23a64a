import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { memberProfiles } from '../../../db/schema/index.js';

/** The mail a link stops: notification e-mails, or the digest. */
export const mailLists = ['notifications', 'digest'] as const;
export type MailList = (typeof mailLists)[number];

/**
 * The two ways out that every community e-mail carries: a page link in the text, and the RFC 8058
 * one-click address in its List-Unsubscribe header, which mail apps post to without a browser.
 */
export function unsubscribeLinks(
  publicUrl: string,
  input: { slug: string; membershipId: string; key: string; list: MailList },
) {
  const page = `${publicUrl}/unsubscribe/${input.slug}#${new URLSearchParams({ member: input.membershipId, key: input.key, list: input.list })}`;
  const oneClick = `${publicUrl}/api/v1/unsubscribe/one-click?${new URLSearchParams({ slug: input.slug, member: input.membershipId, key: input.key, list: input.list })}`;
  return {
    page,
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** Stops one list for the member whose key the link carries; works without signing in. */
export async function unsubscribeByKey(
  tx: Queryable,
  tenantId: string,
  input: { membershipId: string; key: string; list: MailList },
) {
  const [row] = await tx
    .update(memberProfiles)
    .set({
      ...(input.list === 'digest' ? { digestFrequency: 'off' as const } : { emailNotifications: false }),
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(memberProfiles.tenantId, tenantId),
        eq(memberProfiles.membershipId, input.membershipId),
        eq(memberProfiles.unsubscribeKey, input.key),
      ),
    )
    .returning({ id: memberProfiles.membershipId });
  return Boolean(row);
}
