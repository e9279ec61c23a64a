import { z } from '@hono/zod-openapi';
import { chatPlaceKinds, chatTopics } from '../../db/schema/index.js';
import { tidySpaces } from '../../platform/japanese/text.js';
import { SlugSchema } from '../tenancy/schemas.js';

export const ChatParamSchema = z.object({ slug: SlugSchema, id: z.uuid() });

/** A slot a host publishes: when, how long, where, about what. */
export const NewChatSlotSchema = z
  .strictObject({
    startsAt: z.iso.datetime({ offset: true }),
    minutes: z.int().min(15).max(180),
    placeKind: z.enum(chatPlaceKinds),
    place: z.string().transform(tidySpaces).pipe(z.string().min(1).max(300)),
    topic: z.enum(chatTopics),
    note: z.string().max(1000).default(''),
  })
  .superRefine((value, context) => {
    if (
      value.placeKind === 'online' &&
      !(/^https?:\/\/\S+$/i.test(value.place) && URL.canParse(value.place))
    ) {
      context.addIssue({ code: 'custom', path: ['place'], message: 'field_invalid_url' });
    }
  })
  .openapi('NewChatSlot');
export type NewChatSlot = z.infer<typeof NewChatSlotSchema>;

export const BookChatSchema = z
  .strictObject({ message: z.string().max(500).default('') })
  .openapi('BookChat');

const SlotFields = {
  id: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  minutes: z.number(),
  placeKind: z.enum(chatPlaceKinds),
  topic: z.enum(chatTopics),
  note: z.string(),
  host: z.object({ id: z.uuid(), displayName: z.string() }),
};

/** An open slot as a member sees it: the place only once booked (a meeting link is for the two). */
export const OpenChatSlotSchema = z
  .object({ ...SlotFields, place: z.string().nullable(), bookedByMe: z.boolean() })
  .openapi('OpenChatSlot');
export const OpenChatSlotListSchema = z
  .object({ slots: z.array(OpenChatSlotSchema) })
  .openapi('OpenChatSlotList');

/** A member's own chat: the slot, with the place, and whether it still stands. */
export const MyChatSchema = z
  .object({
    id: z.uuid(),
    slot: z.object({ ...SlotFields, place: z.string() }),
    message: z.string(),
    status: z.enum(['booked', 'cancelled']),
    cancelledAt: z.string().nullable(),
    bookedAt: z.string(),
  })
  .openapi('MyChat');
export const MyChatListSchema = z.object({ chats: z.array(MyChatSchema) }).openapi('MyChatList');

/** A slot as its host and HR see it, with the booking's member (never shown to other members). */
export const HostedChatSlotSchema = z
  .object({
    ...SlotFields,
    place: z.string(),
    cancelledAt: z.string().nullable(),
    booking: z
      .object({
        id: z.uuid(),
        member: z.object({ id: z.uuid(), displayName: z.string() }),
        message: z.string(),
        bookedAt: z.string(),
      })
      .nullable(),
  })
  .openapi('HostedChatSlot');
export const HostedChatSlotListSchema = z
  .object({ slots: z.array(HostedChatSlotSchema) })
  .openapi('HostedChatSlotList');

export const HostedQuerySchema = z.object({
  /** past: also slots that have ended (newest first); otherwise upcoming ones, soonest first. */
  when: z.enum(['upcoming', 'past']).default('upcoming'),
});

export const CancelledChatSchema = z
  .object({ id: z.uuid(), status: z.literal('cancelled'), cancelledAt: z.string() })
  .openapi('CancelledChat');
