/** カジュアル面談: メンバーの予約画面、ホストの枠、人事コンソールの文言。 */
export const chatsConsoleJa = {
  'chats.nav': 'カジュアル面談',
  'chats.staffLead':
    '人事担当者と社員が公開した面談枠と、その予約です。予約した方の名前は、面談の二人と人事担当者にだけ表示されます。',
  'chats.when': '表示',
  'chats.when.upcoming': 'これからの枠',
  'chats.when.past': '終了した枠',
  'audit.action.career_chat.slot_published': 'カジュアル面談の枠の公開',
  'audit.action.career_chat.slot_cancelled': 'カジュアル面談の枠の取り消し',
  'audit.action.career_chat.booked': 'カジュアル面談の予約',
  'audit.action.career_chat.booking_cancelled': 'カジュアル面談の予約の取り消し',
  'audit.targetType.career_chat_slot': 'カジュアル面談の枠',
} as const;
