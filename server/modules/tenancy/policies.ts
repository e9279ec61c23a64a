import type { Role } from '../../db/schema/index.js';
import { forbidden } from '../../platform/errors.js';
import type { Actor } from './tenant-context.js';

const staffRoles: ReadonlySet<Role> = new Set(['owner', 'admin']);

export const isStaff = (actor: Actor) => staffRoles.has(actor.role);
export const isOwner = (actor: Actor) => actor.role === 'owner';

/** Owners and HR admins manage the network's people. */
export function authorizeManageMembers(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden();
}

/** The audit log and network settings are for owners. */
export function authorizeOwner(actor: Actor): void {
  if (!isOwner(actor)) throw forbidden('owner_only');
}

/** Granting or touching owner and admin roles is an owner's decision; admins manage everyone else. */
export function authorizeRoleChange(actor: Actor, from: Role | null, to: Role | null): void {
  const privileged = (role: Role | null) => role === 'owner' || role === 'admin';
  if ((privileged(from) || privileged(to)) && !isOwner(actor)) throw forbidden('owner_only');
}
