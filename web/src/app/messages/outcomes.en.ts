import type { outcomesJa } from './outcomes.ja';

/** Outcomes: the console's dashboard of what the alumni network brings, and its report. */
export const outcomesEn: Record<keyof typeof outcomesJa, string> = {
  'audit.action.outcomes.viewed': 'Outcomes dashboard viewed',
  'audit.action.outcomes.exported': 'Outcomes data exported',
  'console.outcomes': 'Outcomes',
  'outcomes.title': 'Outcomes',
  'outcomes.lead':
    'What the alumni network brings, for a period and compared with the period before, in figures you can take to management.',
  'outcomes.sections': 'Outcome sections',
  'outcomes.period': 'Period',
  'outcomes.period.month': 'This month',
  'outcomes.period.quarter': 'This quarter',
  'outcomes.period.year': 'This year',
  'outcomes.period.custom': 'Custom',
  'outcomes.period.from': 'First day',
  'outcomes.period.lastDay': 'Last day',
  'outcomes.period.compare': 'Compare with the previous period',
  'outcomes.period.showing': 'Figures for {from} – {to}',
  'outcomes.hidden': 'Fewer than 5',
  'outcomes.privacyNote':
    'To protect individuals, counts of fewer than 5 people are shown as “Fewer than 5” without a number (in CSV files too). Views and downloads are recorded in the audit log.',
};
