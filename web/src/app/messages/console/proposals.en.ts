import type { proposalsConsoleJa } from './proposals.ja';

export const proposalsConsoleEn: Record<keyof typeof proposalsConsoleJa, string> = {
  'audit.action.proposal.updated': 'Proposal updated',
  'audit.action.proposals.exported': 'Proposals exported (monthly)',
  'audit.targetType.proposal': 'Proposal',
  'console.proposals': 'Proposals',
  'proposals.desk.lead':
    'Proposals and opinions from members. Record where each stands and the answer, and make it public to members if you wish. Internal notes are never shown to members.',
  'proposals.desk.filter': 'Filter by status',
  'proposals.desk.all': 'All ({count})',
  'proposals.desk.statusCount': '{status} ({count})',
  'proposals.desk.empty': 'No proposals here.',
  'proposals.desk.author': 'From',
  'proposals.desk.anonymous': 'Anonymous (the sender is not recorded)',
  'proposals.desk.open': 'Respond',
  'proposals.desk.close': 'Close',
  'proposals.desk.status': 'Status',
  'proposals.desk.publish': 'Make public to members (they can support it)',
  'proposals.desk.reply': 'The company’s answer (shown to the sender, and to all members while public)',
  'proposals.desk.notes': 'Internal notes (HR only)',
  'proposals.desk.save': 'Save',
  'proposals.desk.saved': 'Saved.',
  'proposals.desk.updatedAt': 'Updated {date}',
  'proposals.desk.export': 'Monthly summary export',
  'proposals.desk.exportHint':
    'Downloads the proposals received in the chosen month as CSV to share inside the company (without internal notes or anonymous senders). The download is recorded in the audit log.',
  'proposals.desk.month': 'Month',
  'proposals.desk.download': 'CSV (UTF-8)',
  'proposals.desk.downloadSjis': 'CSV (Shift_JIS for Excel)',
};
