import type { ProfileField, Role } from '../../db/schema/index.js';
import type { Actor, TenantRef } from '../tenancy/tenant-context.js';
import { canSee, defaultVisibility, visibilityOf } from './profile-visibility.js';
import type { ProfileRow, Tenure } from './profiles.js';

type Subject = {
  membership: { id: string; displayName: string; role: Role };
  profile: ProfileRow | null;
  hashtags: { key: string; label: string }[];
  tenure?: Tenure | null;
};

/** Staff and current employees carry a badge so members know who they are talking to. */
export function badgeOf(role: Role): 'staff' | 'employee' | null {
  if (role === 'owner' || role === 'admin') return 'staff';
  if (role === 'employee') return 'employee';
  return null;
}

const photoUrl = (tenant: TenantRef, photoId: string) =>
  `/api/v1/t/${tenant.slug}/community/photos/${photoId}`;

/**
 * The one way a member's profile leaves the server: each field is present only when its owner's
 * visibility choice lets this viewer see it. Absent, not null, so a hidden field leaves no trace.
 */
export function presentProfile(viewer: Actor, tenant: TenantRef, subject: Subject) {
  const p = subject.profile;
  const who = { membershipId: subject.membership.id, visibility: p?.visibility ?? {} };
  const shows = (field: ProfileField) => canSee(viewer, who, field);
  const isSelf = viewer.membershipId === subject.membership.id;
  return {
    id: subject.membership.id,
    displayName: subject.membership.displayName,
    badge: badgeOf(subject.membership.role),
    ...(p && shows('reading') && p.displayNameKana ? { reading: p.displayNameKana } : {}),
    ...(p?.photoId && shows('photo') ? { photoUrl: photoUrl(tenant, p.photoId) } : {}),
    ...(p && shows('company') ? { currentCompany: p.currentCompany, currentTitle: p.currentTitle } : {}),
    ...(p && shows('career') ? { career: p.career } : {}),
    ...(shows('hashtags') ? { hashtags: subject.hashtags } : {}),
    ...(p && shows('intents') ? { intents: p.intents } : {}),
    ...(p && shows('bio') ? { bio: p.bio } : {}),
    ...(p && shows('links') ? { links: p.links } : {}),
    ...(subject.tenure && shows('tenure') ? { tenure: subject.tenure } : {}),
    isSelf,
    acceptsMessages: p?.acceptsMessages ?? true,
  };
}

/** A directory entry: the same rules, fewer fields. */
export function presentPersonCard(viewer: Actor, tenant: TenantRef, subject: Subject) {
  const full = presentProfile(viewer, tenant, subject);
  return {
    id: full.id,
    displayName: full.displayName,
    badge: full.badge,
    ...(full.reading ? { reading: full.reading } : {}),
    ...(full.photoUrl ? { photoUrl: full.photoUrl } : {}),
    ...(full.currentCompany !== undefined
      ? { currentCompany: full.currentCompany, currentTitle: full.currentTitle ?? '' }
      : {}),
    ...(full.hashtags ? { hashtags: full.hashtags.slice(0, 5) } : {}),
    ...(full.intents ? { intents: full.intents } : {}),
  };
}

/** The member's own view: everything, plus their visibility choices and consents to edit. */
export function presentOwnProfile(
  viewer: Actor,
  tenant: TenantRef,
  subject: Subject & { profile: ProfileRow },
) {
  const p = subject.profile;
  return {
    ...presentProfile(viewer, tenant, subject),
    reading: p.displayNameKana,
    visibility: Object.fromEntries(
      (Object.keys(defaultVisibility) as ProfileField[]).map((field) => [
        field,
        visibilityOf(p.visibility, field),
      ]),
    ) as Record<ProfileField, (typeof defaultVisibility)[ProfileField]>,
    consents: {
      companyNews: p.companyNews,
      listedInDirectory: p.listedInDirectory,
      companyContact: p.companyContact,
      policyVersion: p.consentPolicyVersion,
    },
    onboarded: p.onboardedAt !== null,
    role: subject.membership.role,
    acceptsMessages: p.acceptsMessages,
    emailNotifications: p.emailNotifications,
    findableByFormerNames: p.findableByFormerNames,
  };
}
