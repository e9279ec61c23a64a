import { bootEnishi, createLogger } from '../server/boot.js';
import { runCommandLine } from '../server/cli/command-line.js';
import { enishiCommands } from '../server/cli/commands.js';
import { loadConfig } from '../server/config.js';

// Whatever escapes still ends as one line, not a stack trace.
const die = (error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);

process.exitCode = await runCommandLine(process.argv.slice(2), enishiCommands, {
  output: {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
  open: () =>
    bootEnishi(loadConfig(), { workers: false, logger: createLogger({ logLevel: 'warn' }) }).catch(
      (error: unknown) => {
        throw new Error(
          `cannot open the database: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    ),
});
