/** 成果 (outcomes): the console's dashboard of what the alumni network brings, and its report. */
export const outcomesJa = {
  'audit.action.outcomes.viewed': '成果ダッシュボードの閲覧',
  'audit.action.outcomes.exported': '成果データのエクスポート',
  'console.outcomes': '成果',
  'outcomes.title': '成果',
  'outcomes.lead':
    'アルムナイネットワークがもたらした成果を、期間ごとに前の期間と比べて確認できます。数値は経営層への報告にそのままお使いいただけます。',
  'outcomes.sections': '成果の項目',
  'outcomes.period': '期間',
  'outcomes.period.month': '今月',
  'outcomes.period.quarter': '今四半期',
  'outcomes.period.year': '今年',
  'outcomes.period.custom': '期間指定',
  'outcomes.period.from': '開始日',
  'outcomes.period.lastDay': '終了日',
  'outcomes.period.compare': '前期間との比較',
  'outcomes.period.showing': '{from}〜{to} の集計',
  'outcomes.hidden': '5人未満',
  'outcomes.privacyNote':
    '個人の特定を防ぐため、人数が 5 人未満の集計は「5人未満」と表示し、数値を出していません（CSV も同様です）。閲覧とダウンロードは監査ログに記録されます。',
};
