/** カジュアル面談: メンバーの予約画面、ホストの枠、人事コンソールの文言。 */
export const chatsJa = {
  'audit.action.career_chat.slot_published': 'カジュアル面談の枠の公開',
  'audit.action.career_chat.slot_cancelled': 'カジュアル面談の枠の取り消し',
  'audit.action.career_chat.booked': 'カジュアル面談の予約',
  'audit.action.career_chat.booking_cancelled': 'カジュアル面談の予約の取り消し',
  'audit.targetType.career_chat_slot': 'カジュアル面談の枠',
} as const;
