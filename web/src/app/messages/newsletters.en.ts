import type { newslettersJa } from './newsletters.ja';

/** Newsletters: HR's composer and sending screens in the console, and the audit log. */
export const newslettersEn: Record<keyof typeof newslettersJa, string> = {
  'audit.action.newsletter.created': 'Newsletter created',
  'audit.action.newsletter.deleted': 'Newsletter deleted',
  'audit.action.newsletter.scheduled': 'Newsletter scheduled',
  'audit.action.newsletter.unscheduled': 'Newsletter schedule cancelled',
  'audit.action.newsletter.send_started': 'Newsletter sending started',
  'audit.action.newsletter.sent': 'Newsletter sent',
  'audit.targetType.newsletter': 'Newsletter',
};
