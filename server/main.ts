import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { bootEnishi, createLogger } from './boot.js';
import { type Config, loadConfig } from './config.js';
import { DEMO_ADMIN_EMAIL, DEMO_ALUMNUS_EMAIL, DEMO_OWNER_EMAIL, seedDemo } from './demo/seed-demo.js';
import { SHUTDOWN_LIMIT_MS, stopGracefully } from './platform/http/graceful-shutdown.js';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  // A configuration mistake is the operator's to fix: say what, without a stack trace.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const logger = createLogger(config);
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });

const enishi = await bootEnishi(config, {
  workers: true,
  logger,
  webRoot: path.resolve('dist/web'),
});

if (config.demo && (await seedDemo(enishi.deps.database.db))) {
  logger.info(
    'created the demo network デモ株式会社 (slug "demo") with an owner, an HR admin and 200 alumni (120 in the community)',
  );
}

const server = serve({ fetch: enishi.app.fetch, port: config.port, hostname: config.host }, (info) => {
  const mailbox = config.devMailbox
    ? `\n  Sign-in links appear at ${config.publicUrl}/dev/mailbox and in this console.`
    : '';
  const demo = config.demo
    ? `\n  Demo network: sign in as ${DEMO_ADMIN_EMAIL} (HR admin), ${DEMO_OWNER_EMAIL} (owner) or ${DEMO_ALUMNUS_EMAIL} (alumnus).`
    : '';
  process.stdout.write(
    `\nEnishi is running on ${config.publicUrl} (port ${info.port}, ${enishi.deps.database.kind} database)${demo}${mailbox}\n\n`,
  );
});

// SIGTERM (process managers) and SIGINT (Ctrl-C) stop gracefully; a second signal, or a shutdown that
// overruns its limit, ends the process at once.
let stopping = false;
function onSignal(signal: NodeJS.Signals) {
  if (stopping) {
    logger.warn({ signal }, 'second signal: stopping now');
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing requests and the running job step');
  // pg-boss's scheduler records some outcomes without awaiting them; one that lands after the database
  // closed must not turn a clean stop into a crash.
  process.on('unhandledRejection', (error) => logger.warn({ err: error }, 'ignored while shutting down'));
  setTimeout(() => {
    logger.error('shutdown did not finish within its limit');
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  stopGracefully(server as Server, enishi, logger).then(
    (clean) => process.exit(clean ? 0 : 1),
    (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
