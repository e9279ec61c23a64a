import { z } from '@hono/zod-openapi';
import { tidySpaces } from '../../platform/japanese/text.js';
import { SlugSchema } from '../tenancy/schemas.js';

export const MaterialParamSchema = z.object({ slug: SlugSchema, id: z.uuid(), materialId: z.uuid() });

/** An https link only: no http, no javascript: or data: (the members' browsers open it as it is). */
const HttpsLink = z
  .string()
  .trim()
  .max(1000)
  .refine((value) => /^https:\/\/[^\s]+$/i.test(value) && URL.canParse(value), {
    message: 'event_material_url_https',
  });

const MaterialFields = {
  title: z.string().transform(tidySpaces).pipe(z.string().min(1).max(120)),
  url: HttpsLink,
  note: z.string().transform(tidySpaces).pipe(z.string().max(300)),
  /** Only for those checked in at the event; otherwise the whole audience once it has ended. */
  attendeesOnly: z.boolean(),
};

export const NewMaterialSchema = z
  .strictObject({
    ...MaterialFields,
    note: MaterialFields.note.default(''),
    attendeesOnly: MaterialFields.attendeesOnly.default(false),
  })
  .openapi('NewEventMaterial');
export type NewMaterial = z.infer<typeof NewMaterialSchema>;
export const MaterialPatchSchema = z.strictObject(MaterialFields).partial().openapi('EventMaterialPatch');
export type MaterialPatch = z.infer<typeof MaterialPatchSchema>;

export const MaterialSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    url: z.string(),
    note: z.string(),
    attendeesOnly: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('EventMaterial');
export const StaffMaterialListSchema = z
  .object({ materials: z.array(MaterialSchema) })
  .openapi('StaffEventMaterialList');
export const MemberMaterialListSchema = z
  .object({
    materials: z.array(MaterialSchema),
    /** When the materials are shown (the end of the event); none are shown before. */
    availableFrom: z.string(),
    /** Materials kept for attendees that this member does not see. */
    attendeesOnlyHidden: z.int(),
  })
  .openapi('MemberEventMaterialList');
