import type { proposalsJa } from './proposals.ja';

/** Proposals and opinions: the member's page and HR's triage in the console. */
export const proposalsEn: Record<keyof typeof proposalsJa, string> = {
  'audit.action.proposal.updated': 'Proposal updated',
  'audit.action.proposals.exported': 'Proposals exported (monthly)',
  'audit.targetType.proposal': 'Proposal',
  'notifications.proposal_answered': 'The company has answered your proposal “{title}”',
};
