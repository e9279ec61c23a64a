/** メールマガジン: 人事コンソールの作成・送信画面と監査ログの文言。 */
export const newslettersJa = {
  'audit.action.newsletter.created': 'メールマガジンの作成',
  'audit.action.newsletter.deleted': 'メールマガジンの削除',
  'audit.action.newsletter.scheduled': 'メールマガジンの送信予約',
  'audit.action.newsletter.unscheduled': 'メールマガジンの送信予約の取り消し',
  'audit.action.newsletter.send_started': 'メールマガジンの送信開始',
  'audit.action.newsletter.sent': 'メールマガジンの送信',
  'audit.targetType.newsletter': 'メールマガジン',
  'settings.sender': 'メールマガジンの送信者（特定電子メール法の表示）',
  'settings.sender.why':
    'メールマガジンには、送信者の名前・住所・問い合わせ先を必ず表示します。住所と連絡先が入力されるまで、メールマガジンは送信できません。',
  'settings.sender.missing': '住所と連絡先が未入力のため、メールマガジンはまだ送信できません。',
  'settings.sender.name': '送信者名',
  'settings.sender.nameHint': '空欄の場合は「{name}」と表示します。',
  'settings.sender.address': '住所',
  'settings.sender.addressHint': '例：〒100-0005 東京都千代田区丸の内1-1-1',
  'settings.sender.contact': '連絡先',
  'settings.sender.contactHint': '問い合わせ用のメールアドレス、電話番号、またはお問い合わせページのURL',
  'settings.sender.addressNeeded': '連絡先を入力した場合は、住所も入力してください。',
  'settings.sender.contactNeeded': '住所を入力した場合は、連絡先も入力してください。',
} as const;
