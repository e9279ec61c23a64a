import { forbidden } from '../../platform/errors.js';
import { isStaff } from '../tenancy/policies.js';
import type { Actor } from '../tenancy/tenant-context.js';

/** Events are run by HR: owners and admins create them and see every registration and answer. */
export function authorizeEventStaff(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden();
}
