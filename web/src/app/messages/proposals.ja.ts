/** Proposals and opinions (提言・ご意見): the member's page and HR's triage in the console. */
export const proposalsJa = {
  'audit.action.proposal.updated': '提言の対応の更新',
  'audit.action.proposals.exported': '提言の月次エクスポート',
  'audit.targetType.proposal': '提言',
  'notifications.proposal_answered': 'お送りいただいた提言「{title}」に会社から回答がありました',
} as const;
