/** メールマガジン: 人事コンソールの作成・送信画面と監査ログの文言。 */
export const newslettersJa = {
  'audit.action.newsletter.created': 'メールマガジンの作成',
  'audit.action.newsletter.deleted': 'メールマガジンの削除',
  'audit.action.newsletter.scheduled': 'メールマガジンの送信予約',
  'audit.action.newsletter.unscheduled': 'メールマガジンの送信予約の取り消し',
  'audit.action.newsletter.send_started': 'メールマガジンの送信開始',
  'audit.action.newsletter.sent': 'メールマガジンの送信',
  'audit.targetType.newsletter': 'メールマガジン',
} as const;
