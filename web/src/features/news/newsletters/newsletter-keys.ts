/** Cache keys of the newsletters' server state, so writes can invalidate what they change. */
export const newsletterKeys = {
  list: (slug: string) => ['t', slug, 'news-desk', 'newsletters'] as const,
  one: (slug: string, id: string) => ['t', slug, 'news-desk', 'newsletters', id] as const,
  deliveries: (slug: string, id: string, status: string, page: number) =>
    ['t', slug, 'news-desk', 'newsletters', id, 'deliveries', status, page] as const,
  settings: (slug: string) => ['t', slug, 'settings'] as const,
};

/** While a campaign is going out its counts move; the console asks again every few seconds. */
export const SENDING_REFRESH_MS = 2000;

/** Going out: still being queued, or sent with mails still waiting in the outbox. */
export const inFlight = (campaign: { status: string; counts: { queued: number } }) =>
  campaign.status === 'sending' || (campaign.status === 'sent' && campaign.counts.queued > 0);

/** "2026-12-04T10:00" typed in a datetime-local field, read as Japan time (the network's clock). */
export const japanTime = (local: string) => `${local}:00+09:00`;
