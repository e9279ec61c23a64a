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
  'settings.sender': 'Newsletter sender (required by Japanese law on commercial e-mail)',
  'settings.sender.why':
    "Every newsletter shows the sender's name, postal address and a contact. Newsletters cannot be sent until the address and contact are filled in.",
  'settings.sender.missing': 'Newsletters cannot be sent yet: the address and contact are missing.',
  'settings.sender.name': 'Sender name',
  'settings.sender.nameHint': 'Left empty, “{name}” is shown.',
  'settings.sender.address': 'Postal address',
  'settings.sender.addressHint': 'For example: 1-1-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005',
  'settings.sender.contact': 'Contact',
  'settings.sender.contactHint': 'An e-mail address, a phone number or the URL of a contact page',
  'settings.sender.addressNeeded': 'With a contact, enter the postal address too.',
  'settings.sender.contactNeeded': 'With a postal address, enter a contact too.',
};
