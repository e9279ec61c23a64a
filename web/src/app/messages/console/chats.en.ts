import type { chatsConsoleJa } from './chats.ja';

export const chatsConsoleEn: Record<keyof typeof chatsConsoleJa, string> = {
  'chats.nav': 'Career chats',
  'chats.staffLead':
    'Slots published by HR and employees, and their bookings. Who booked is shown only to the two people and HR.',
  'chats.when': 'Show',
  'chats.when.upcoming': 'Upcoming slots',
  'chats.when.past': 'Past slots',
  'audit.action.career_chat.slot_published': 'Career chat slot published',
  'audit.action.career_chat.slot_cancelled': 'Career chat slot cancelled',
  'audit.action.career_chat.booked': 'Career chat booked',
  'audit.action.career_chat.booking_cancelled': 'Career chat booking cancelled',
  'audit.targetType.career_chat_slot': 'Career chat slot',
};
