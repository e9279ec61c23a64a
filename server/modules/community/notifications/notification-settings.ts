import { and, eq } from 'drizzle-orm';
import {
  type DigestFrequency,
  memberProfiles,
  type NotificationPreferences,
} from '../../../db/schema/index.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { ensureProfile } from '../profiles.js';
import { resolvedPreferences } from './preferences.js';
import { countPushSubscriptions } from './push-subscriptions.js';

export type NotificationSettingsUpdate = {
  emailNotifications?: boolean | undefined;
  digest?: DigestFrequency | undefined;
  preferences?: NotificationPreferences | undefined;
};

/** What the settings screen shows: every kind × channel resolved, the digest, and this member's devices. */
export async function readNotificationSettings(ctx: TenantServiceContext) {
  const profile = await ensureProfile(ctx);
  return {
    emailNotifications: profile.emailNotifications,
    digest: profile.digestFrequency,
    preferences: resolvedPreferences(profile.notificationPreferences),
    push: { publicKey: ctx.deps.push.publicKey, devices: await countPushSubscriptions(ctx) },
  };
}

/** Only what the member changed is stored, so defaults that improve later still reach the rest. */
export async function updateNotificationSettings(
  ctx: TenantServiceContext,
  input: NotificationSettingsUpdate,
) {
  const profile = await ensureProfile(ctx);
  const preferences: NotificationPreferences = { ...profile.notificationPreferences };
  for (const [kind, channels] of Object.entries(input.preferences ?? {}) as [
    keyof NotificationPreferences,
    NotificationPreferences[keyof NotificationPreferences],
  ][]) {
    preferences[kind] = { ...preferences[kind], ...channels };
  }
  await ctx.tx
    .update(memberProfiles)
    .set({
      notificationPreferences: preferences,
      ...(input.emailNotifications === undefined ? {} : { emailNotifications: input.emailNotifications }),
      ...(input.digest === undefined ? {} : { digestFrequency: input.digest }),
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(memberProfiles.tenantId, ctx.tenant.id),
        eq(memberProfiles.membershipId, ctx.actor.membershipId),
      ),
    );
  return readNotificationSettings(ctx);
}
