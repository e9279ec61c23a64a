import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import type { TenantEvents } from '../events/tenant-events.js';
import type { Locale } from '../i18n/messages.js';
import type { Jobs } from '../jobs/jobs.js';
import type { WebPush } from '../push/web-push.js';
import type { Shutdown } from '../shutdown.js';

export type Deps = {
  config: Config;
  database: Database;
  jobs: Jobs;
  logger: Logger;
  events: TenantEvents;
  push: WebPush;
  shutdown: Shutdown;
};

export type SignedIn = {
  sessionId: string;
  account: { id: string; email: string; displayName: string; locale: Locale };
};

export type AppEnv = {
  Variables: {
    deps: Deps;
    locale: Locale;
    requestId: string;
    logger: Logger;
    auth: SignedIn | null;
  };
};
