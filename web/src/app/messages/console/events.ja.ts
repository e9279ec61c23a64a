/** イベント: メンバーの一覧・詳細・参加登録、人事コンソールの文言。 */
export const eventsConsoleJa = {
  'audit.action.event.created': 'イベントの作成',
  'audit.action.event.updated': 'イベントの編集',
  'audit.action.event.time_changed': 'イベントの日時変更',
  'audit.action.event.published': 'イベントの公開',
  'audit.action.event.cancelled': 'イベントの中止',
  'audit.action.event.registration_added': 'イベント参加者の手動追加',
  'audit.action.event.registration_removed': 'イベント参加者の取り消し',
  'audit.action.event.registrations_exported': 'イベント参加者のエクスポート',
  'audit.action.event.registrants_messaged': 'イベント参加者へのお知らせ',
  'audit.action.event.checked_in': 'イベントの受付',
  'audit.action.event.survey_chosen': 'イベント後アンケートの設定',
  'audit.action.event.survey_sent': 'イベント後アンケートの送信',
  'audit.action.event.material_added': 'イベント資料の追加',
  'audit.action.event.material_changed': 'イベント資料の編集',
  'audit.action.event.material_removed': 'イベント資料の削除',
  'audit.targetType.event': 'イベント',
} as const;
