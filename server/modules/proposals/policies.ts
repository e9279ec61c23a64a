import { forbidden } from '../../platform/errors.js';
import { isStaff } from '../tenancy/policies.js';
import type { Actor } from '../tenancy/tenant-context.js';

/** Reading who sent what and answering proposals is HR's: owners and admins. */
export function authorizeTriageProposals(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden();
}
