import type { chatsJa } from './chats.ja';

/** Casual career chats: the member's booking screen, hosts' slots and HR's console. */
export const chatsEn: Record<keyof typeof chatsJa, string> = {
  'audit.action.career_chat.slot_published': 'Career chat slot published',
  'audit.action.career_chat.slot_cancelled': 'Career chat slot cancelled',
  'audit.action.career_chat.booked': 'Career chat booked',
  'audit.action.career_chat.booking_cancelled': 'Career chat booking cancelled',
  'audit.targetType.career_chat_slot': 'Career chat slot',
};
