import type { programmesJa } from './programmes.ja';

export const programmesEn: Record<keyof typeof programmesJa, string> = {
  'stop.title': 'Stop these e-mails',
  'stop.explain': 'This stops the kind of company e-mail this link came in. No sign-in needed.',
  'stop.confirm': 'Stop these e-mails',
  'stop.done': 'Done: these e-mails will no longer be sent to you.',
};
