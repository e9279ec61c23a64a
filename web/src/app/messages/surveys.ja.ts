/** アンケート（人事コンソールの作成・結果、メンバーの回答）の文言。 */
export const surveysJa = {
  'home.surveys': 'アンケート',
  'surveys.anonymity.named': '記名',
  'surveys.anonymity.anonymous': '匿名',
  'surveys.closesAt': '締切 {date}',
  'surveys.mine.title': 'アンケート',
  'surveys.mine.lead': '会社からのアンケートです。率直なご意見をお聞かせください。',
  'surveys.mine.empty': '回答できるアンケートは今はありません。',
  'surveys.mine.notStarted': '未回答',
  'surveys.mine.draft': '回答途中',
  'surveys.mine.submitted': '回答済み',
  'surveys.answer.named': 'このアンケートは記名式です。回答はあなたの名前とともに会社の担当者に届きます。',
  'surveys.answer.anonymous':
    'このアンケートは匿名です。回答とあなたを結び付ける情報は保存されません。途中の回答はこの端末にのみ保存されます。',
  'surveys.answer.required': '必須',
  'surveys.answer.scaleLow': '1 = 低い',
  'surveys.answer.scaleHigh': '5 = 高い',
  'surveys.answer.npsLow': '0 = すすめない',
  'surveys.answer.npsHigh': '10 = ぜひすすめる',
  'surveys.answer.saveDraft': '途中保存',
  'surveys.answer.draftSaved': '途中まで保存しました。あとで続きから回答できます。',
  'surveys.answer.submit': '回答を送信する',
  'surveys.answer.thanks': 'ご回答ありがとうございました',
  'surveys.answer.closed': 'このアンケートの回答受付は終了しました。',
  'surveys.answer.back': 'アンケート一覧へ',
  'notifications.survey_invited': 'アンケート「{title}」へのご協力をお願いします',
  'surveys.link.named': 'このアンケートは記名式です。回答は人事担当者が拝見します。',
  'surveys.link.anonymous': 'このアンケートは匿名です。回答があなたと結び付けられることはありません。',
  'surveys.link.once': '回答は 1 回のみです。このページのリンクはあなた専用です。',
  'surveys.link.notFound': 'このリンクは無効です。メールに記載されたリンクをもう一度お確かめください。',
  'exitSurvey.welcome':
    'これまで本当にありがとうございました。今後の職場づくりのため、率直なご意見をお聞かせください。',
  'exitSurvey.named':
    'このアンケートは記名式です。回答はあなたの退職者としての記録に残り、人事担当者が拝見します。',
  'exitSurvey.consent.legend': '退職後のご案内について',
  'exitSurvey.consent.hint':
    'チェックしなくても回答は送信できます。その場合、退職後のご案内メールはお送りしません（以前に同意いただいていた場合は、取り消したものとして扱います）。',
  'exitSurvey.thanks.granted': '退職後のご案内をメールでお送りします。届いたメールからいつでも停止できます。',
  'exitSurvey.thanks.declined': '退職後のご案内メールはお送りしません。',
  'exitSurvey.state.unknown.title': 'このリンクは無効です',
  'exitSurvey.state.unknown.body':
    'URL が途中で切れていないかお確かめください。解決しない場合は、リンクを受け取った人事担当者にお問い合わせください。',
  'exitSurvey.state.used.title': 'すでに回答いただいています',
  'exitSurvey.state.used.body':
    'このリンクからの回答は 1 回のみ受け付けています。ご協力ありがとうございました。',
  'exitSurvey.state.revoked.title': 'このリンクは使えなくなりました',
  'exitSurvey.state.revoked.body':
    '新しいリンクが発行されたため、このリンクは無効になりました。最新のメール、または人事担当者から受け取った最新のリンクを開いてください。',
  'exitSurvey.state.expired.title': 'このリンクは有効期限が切れています',
  'exitSurvey.state.expired.body':
    'リンクの有効期限（発行から 60 日間）を過ぎました。回答をご希望の場合は、人事担当者にご連絡ください。',
  'exitSurvey.state.closed.title': '回答の受付は終了しました',
  'exitSurvey.state.closed.body':
    'このアンケートは現在、回答を受け付けていません。ご協力ありがとうございました。',
} as const;
