import pino, { type DestinationStream, type Logger } from 'pino';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { runMaintenance } from './maintenance.js';
import { registerCommunityJobs } from './modules/community/community-jobs.js';
import { registerEventJobs } from './modules/events/event-reminders.js';
import { registerNewsJobs } from './modules/news/news-jobs.js';
import { registerNewsletterJobs } from './modules/newsletters/newsletter-jobs.js';
import { registerChatJobs } from './modules/opportunities/chat-jobs.js';
import { registerActivityJobs } from './modules/outcomes/activity/rollup.js';
import { registerRegistryJobs } from './modules/registry/registry-jobs.js';
import { registerPulseJobs } from './modules/surveys/run-pulses.js';
import { registerReminderJobs } from './modules/surveys/survey-reminders.js';
import { TenantEvents } from './platform/events/tenant-events.js';
import type { Deps } from './platform/http/env.js';
import { Jobs, prepareJobs } from './platform/jobs/jobs.js';
import { serializeError } from './platform/logging/serialize-error.js';
import { registerMailOutbox } from './platform/mail/outbox/outbox-jobs.js';
import { loadWebPush } from './platform/push/web-push.js';
import { Shutdown } from './platform/shutdown.js';

export type Enishi = { deps: Deps; app: ReturnType<typeof createApp>; close(): Promise<void> };

/** The process's logger (stdout unless a destination is given). Errors never carry SQL parameters. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'enishi' },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Opens the database (migrating it), prepares the job queues and wires the app. Shared by the
 * server, the CLI and the tests, so all three run the same code paths.
 */
export async function bootEnishi(
  config: Config,
  options: {
    workers: boolean;
    webRoot?: string;
    logger?: Logger;
    databaseUrl?: string;
    ownerUrl?: string;
  } = {
    workers: true,
  },
): Promise<Enishi> {
  const logger = options.logger ?? createLogger(config);
  if (config.devMailForced) {
    logger.warn(
      'ENISHI_DEV_MAIL=1 without SMTP_URL: no mail leaves this server. It is kept in the dev_mailbox table, ' +
        'which is not served because PUBLIC_URL is not a localhost address.',
    );
  }
  const database = await openDatabase({
    dataDir: config.dataDir,
    url: options.databaseUrl ?? config.databaseUrl,
    ownerUrl: options.ownerUrl ?? config.databaseOwnerUrl,
    appRole: config.appRole,
    prepare: (owner) => prepareJobs(owner, config.appRole),
  });
  await runMaintenance(database.db, logger);
  const shutdown = new Shutdown();
  const jobs = new Jobs(database.execute, logger, { schedules: options.workers, signal: shutdown.signal });
  const push = await loadWebPush(config, database.db);
  const deps: Deps = { config, database, jobs, logger, events: new TenantEvents(), push, shutdown };
  const outbox = registerMailOutbox(deps);
  registerRegistryJobs(deps);
  registerCommunityJobs(deps);
  registerNewsJobs(deps);
  registerNewsletterJobs(deps);
  registerChatJobs(deps);
  registerEventJobs(deps);
  registerPulseJobs(deps);
  registerActivityJobs(deps);
  registerReminderJobs(deps);
  await jobs.start({ workers: options.workers });
  if (options.workers) await outbox.wakeAll();
  const app = createApp(deps, { webRoot: options.webRoot });
  return {
    deps,
    app,
    close: async () => {
      await jobs.stop();
      outbox.close();
      await database.close();
    },
  };
}
