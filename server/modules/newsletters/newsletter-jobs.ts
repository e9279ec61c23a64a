import type { Deps } from '../../platform/http/env.js';
import { sendDueCampaign } from './send-campaigns.js';

/** Scheduled and send-now campaigns are delivered by a durable job (startAfter = the send time). */
export function registerNewsletterJobs(deps: Deps): void {
  deps.jobs.handle('newsletters.send', async (data) => {
    await sendDueCampaign(deps, data as { tenantId: string; campaignId: string });
  });
}
