import { forbidden } from '../../platform/errors.js';
import { isStaff } from '../tenancy/policies.js';
import type { Actor } from '../tenancy/tenant-context.js';

/** Opportunities and their pipeline are HR's: owners and admins write them and see every candidate. */
export function authorizeOpportunityStaff(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden();
}
