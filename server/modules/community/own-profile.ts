import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { presentOwnProfile } from './presenters.js';
import { ensureProfile, loadProfile } from './profiles.js';

/** The member's own profile as their settings and set-up screens show it. */
export async function ownProfileView(ctx: TenantServiceContext) {
  const profile = await ensureProfile(ctx);
  const loaded = await loadProfile(ctx, ctx.actor.membershipId);
  return presentOwnProfile(ctx.actor, ctx.tenant, { ...loaded!, profile: loaded!.profile ?? profile });
}
