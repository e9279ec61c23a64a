import type { openInvitation } from './accept-invitation.js';
import { displayName } from './invitation-rules.js';

/** What the invitee sees before joining: the network, their name and address, nothing HR keeps. */
export function presentInvitationForInvitee(opened: Awaited<ReturnType<typeof openInvitation>>) {
  const { tenant, invitation, record } = opened;
  return {
    network: { slug: tenant.slug, nameJa: tenant.nameJa, nameEn: tenant.nameEn },
    name: displayName(record),
    email: invitation.email,
    joined: invitation.status === 'joined',
  };
}
