import { forbidden } from '../../../platform/errors.js';
import { isStaff } from '../../tenancy/policies.js';
import type { Actor } from '../../tenancy/tenant-context.js';

/** Moderators keep the community safe; owners and HR admins can do the same. */
export const canModerate = (actor: Actor) => isStaff(actor) || actor.role === 'moderator';

export function authorizeModeration(actor: Actor): void {
  if (!canModerate(actor)) throw forbidden();
}
