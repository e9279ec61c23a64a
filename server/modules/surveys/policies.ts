import { forbidden } from '../../platform/errors.js';
import { isStaff } from '../tenancy/policies.js';
import type { Actor } from '../tenancy/tenant-context.js';

/** Building surveys and reading their results is HR's: owners and admins. */
export function authorizeManageSurveys(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden();
}
