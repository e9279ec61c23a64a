import {
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreferences,
  notificationChannels,
  notificationKinds,
} from '../../../db/schema/index.js';

type Channels = Record<NotificationChannel, boolean>;
const all: Channels = { inApp: true, email: true, push: true };
const appOnly: Channels = { inApp: true, email: false, push: false };

/**
 * What reaches a member before they choose: everything in the app; by e-mail and push what is addressed
 * to them personally; group news by e-mail but not as a push; requests to moderate in the app only.
 */
export const defaultChannels: Record<NotificationKind, Channels> = {
  comment: all,
  mention: all,
  message: all,
  company_reply: all,
  post_hidden: all,
  group_approved: { inApp: true, email: true, push: false },
  group_invited: { inApp: true, email: true, push: false },
  group_request: appOnly,
  // News reaches members by mail through newsletters, which carry their own consent and unsubscribe.
  news_published: appOnly,
  // Mail and push also need the company_contact consent, the explicit opt-in to hear about work.
  opportunity_announced: all,
  // What happens to an event one registered for is addressed to them personally.
  event_promoted: all,
  event_changed: all,
  event_cancelled: all,
  event_reminder: all,
  event_message: { inApp: true, email: true, push: false },
  // An answer to what the member wrote to the company is addressed to them personally.
  proposal_answered: { inApp: true, email: true, push: false },
  // A survey comes with its own mail (the link in it), so the bell is the only extra notice.
  survey_invited: { inApp: true, email: true, push: false },
};

export function wants(
  preferences: NotificationPreferences,
  kind: NotificationKind,
  channel: NotificationChannel,
): boolean {
  return preferences[kind]?.[channel] ?? defaultChannels[kind][channel];
}

/** Every kind × channel, with the member's choice or the default filled in: what the settings screen shows. */
export function resolvedPreferences(preferences: NotificationPreferences) {
  return Object.fromEntries(
    notificationKinds.map((kind) => [
      kind,
      Object.fromEntries(notificationChannels.map((channel) => [channel, wants(preferences, kind, channel)])),
    ]),
  ) as Record<NotificationKind, Channels>;
}
