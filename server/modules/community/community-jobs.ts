import type { Deps } from '../../platform/http/env.js';
import type { PushPayload } from '../../platform/push/web-push.js';
import { sendDueDigests } from './notifications/digest.js';
import { deliverPush } from './notifications/push-subscriptions.js';
import { deleteStalePostImages } from './posts/post-images.js';

/** Web Push deliveries, the hourly digest run and the hourly clean-up, as durable jobs. */
export function registerCommunityJobs(deps: Deps): void {
  deps.jobs.handle('push.send', (data) =>
    deliverPush(deps, data as { tenantId: string; subscriptionId: string; payload: PushPayload }),
  );
  deps.jobs.handle('community.digest', async (_data, signal) => {
    const sent = await sendDueDigests(deps, new Date(), signal);
    if (sent > 0) deps.logger.info({ sent }, 'digests queued');
  });
  deps.jobs.handle('community.cleanup', async () => {
    await deleteStalePostImages(deps);
  });
}
