import { forbidden } from '../../platform/errors.js';
import { isStaff } from '../tenancy/policies.js';
import type { Actor } from '../tenancy/tenant-context.js';

/** The registry is HR's: owners and admins only. Moderators and members are refused. */
export function authorizeRegistry(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden();
}
