import type { eventsConsoleJa } from './events.ja';

export const eventsConsoleEn: Record<keyof typeof eventsConsoleJa, string> = {
  'audit.action.event.created': 'Event created',
  'audit.action.event.updated': 'Event edited',
  'audit.action.event.time_changed': 'Event time changed',
  'audit.action.event.published': 'Event published',
  'audit.action.event.cancelled': 'Event cancelled',
  'audit.action.event.registration_added': 'Event registrant added by hand',
  'audit.action.event.registration_removed': 'Event registration removed',
  'audit.action.event.registrations_exported': 'Event registrations exported',
  'audit.action.event.registrants_messaged': 'Event registrants messaged',
  'audit.action.event.checked_in': 'Event check-in',
  'audit.action.event.survey_chosen': 'Post-event survey chosen',
  'audit.action.event.survey_sent': 'Post-event survey sent',
  'audit.action.event.material_added': 'Event material added',
  'audit.action.event.material_changed': 'Event material changed',
  'audit.action.event.material_removed': 'Event material removed',
  'audit.targetType.event': 'Event',
};
