import { forbidden } from '../../platform/errors.js';
import { isStaff } from '../tenancy/policies.js';
import type { Actor } from '../tenancy/tenant-context.js';

/** Audiences, deliveries and campaigns reach personal data and send mail: owners and admins only. */
export function authorizeProgrammeStaff(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden();
}
