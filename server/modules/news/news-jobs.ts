import type { Deps } from '../../platform/http/env.js';
import { publishScheduledArticle } from './publish-articles.js';

/** Scheduled articles are published by a durable job queued with the schedule (startAfter = the time). */
export function registerNewsJobs(deps: Deps): void {
  deps.jobs.handle('news.publish', async (data) => {
    await publishScheduledArticle(deps, data as { tenantId: string; articleId: string });
  });
}
