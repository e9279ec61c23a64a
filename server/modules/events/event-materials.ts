import { and, asc, eq } from 'drizzle-orm';
import { eventMaterials } from '../../db/schema/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { findMemberEvent } from './list-events.js';
import type { MaterialPatch, NewMaterial } from './material-schemas.js';
import { auditEvent, findEvent } from './write-events.js';

export type MaterialRow = typeof eventMaterials.$inferSelect;
// An event keeps a handful of materials; more is a mistake (or a script).
const maxMaterials = 30;

const ofEvent = (ctx: TenantServiceContext, eventId: string) =>
  and(eq(eventMaterials.tenantId, ctx.tenant.id), eq(eventMaterials.eventId, eventId));

async function materialsOf(ctx: TenantServiceContext, eventId: string) {
  return ctx.tx
    .select()
    .from(eventMaterials)
    .where(ofEvent(ctx, eventId))
    .orderBy(asc(eventMaterials.createdAt), asc(eventMaterials.id));
}

/** Every material of an event, for staff (callers authorise). */
export async function listStaffMaterials(ctx: TenantServiceContext, eventId: string) {
  await findEvent(ctx, eventId);
  return materialsOf(ctx, eventId);
}

/** Adds a material, before or after the event (members see it once it has ended); audited. */
export async function addMaterial(ctx: TenantServiceContext, eventId: string, input: NewMaterial) {
  const event = await findEvent(ctx, eventId, true);
  if ((await materialsOf(ctx, eventId)).length >= maxMaterials)
    throw new AppError(422, 'event_materials_full');
  const [row] = await ctx.tx
    .insert(eventMaterials)
    .values({ ...input, tenantId: ctx.tenant.id, eventId: event.id, createdBy: ctx.actor.membershipId })
    .returning();
  await auditEvent(ctx, 'event.material_added', eventId, { title: row!.title, url: row!.url });
  return row!;
}

export async function updateMaterial(
  ctx: TenantServiceContext,
  eventId: string,
  materialId: string,
  patch: MaterialPatch,
) {
  if (Object.keys(patch).length === 0) throw new AppError(422, 'nothing_to_change');
  await findEvent(ctx, eventId);
  const [row] = await ctx.tx
    .update(eventMaterials)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(ofEvent(ctx, eventId), eq(eventMaterials.id, materialId)))
    .returning();
  if (!row) throw notFound();
  await auditEvent(ctx, 'event.material_changed', eventId, { title: row.title, fields: Object.keys(patch) });
  return row;
}

export async function removeMaterial(ctx: TenantServiceContext, eventId: string, materialId: string) {
  await findEvent(ctx, eventId);
  const [row] = await ctx.tx
    .delete(eventMaterials)
    .where(and(ofEvent(ctx, eventId), eq(eventMaterials.id, materialId)))
    .returning();
  if (!row) throw notFound();
  await auditEvent(ctx, 'event.material_removed', eventId, { title: row.title });
}

/**
 * The materials a member sees: only of an event they may see (audience, or registered), only once it
 * has ended, and those kept for attendees only when they were checked in.
 */
export async function listMemberMaterials(ctx: TenantServiceContext, eventId: string, now = new Date()) {
  const { event, registration } = await findMemberEvent(ctx, eventId);
  const availableFrom = event.endsAt;
  if (availableFrom.getTime() > now.getTime())
    return { materials: [], availableFrom, attendeesOnlyHidden: 0 };
  const attended =
    registration !== null && registration.attendedAt !== null && registration.status !== 'cancelled';
  const all = await materialsOf(ctx, eventId);
  const materials = all.filter((material) => attended || !material.attendeesOnly);
  return { materials, availableFrom, attendeesOnlyHidden: all.length - materials.length };
}

export function presentMaterial(row: MaterialRow) {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    note: row.note,
    attendeesOnly: row.attendeesOnly,
    createdAt: row.createdAt.toISOString(),
  };
}
