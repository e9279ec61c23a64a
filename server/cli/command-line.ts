import { parseArgs } from 'node:util';
import type { Deps } from '../platform/http/env.js';

/** Where a command writes: the process's streams, or a buffer in tests. */
export type CommandOutput = { out(text: string): void; err(text: string): void };

/** An opened Enishi (database, queues) for a command that needs one; closed when the command ends. */
export type OpenEnishi = () => Promise<{ deps: Deps; close(): Promise<void> }>;

type OptionSpec = {
  type: 'string' | 'boolean';
  /** Placeholder shown in help, e.g. "<slug>". */
  value?: string;
  description: string;
  required?: boolean;
  choices?: readonly string[];
  default?: string;
};

export type ParsedCommand = {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
};

export type Command = {
  /** The words that name it, e.g. ['registry', 'export']. */
  name: readonly string[];
  summary: string;
  options: Record<string, OptionSpec>;
  positionals: readonly { name: string; description: string }[];
  /** Returns the exit code; throw UsageError for a mistake in how it was called. */
  run(parsed: ParsedCommand, context: { output: CommandOutput; open: OpenEnishi }): Promise<number>;
};

/** A mistake in how a command was called: exit 2 with the usage line, never a stack trace. */
export class UsageError extends Error {}

const PROGRAM = 'npm run enishi --';

function usageLine(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => {
    const flag = spec.type === 'string' ? `--${name} ${spec.value ?? '<value>'}` : `--${name}`;
    return spec.required ? flag : `[${flag}]`;
  });
  const positionals = command.positionals.map((p) => `<${p.name}>`);
  return `Usage: ${PROGRAM} ${[...command.name, ...options, ...positionals].join(' ')}`;
}

function commandHelp(command: Command): string {
  const rows: [string, string][] = [
    ...command.positionals.map((p): [string, string] => [`<${p.name}>`, p.description]),
    ...Object.entries(command.options).map(([name, spec]): [string, string] => {
      const flag = spec.type === 'string' ? `--${name} ${spec.value ?? '<value>'}` : `--${name}`;
      const extra = [
        spec.choices ? `one of ${spec.choices.join(', ')}` : '',
        spec.default ? `default ${spec.default}` : '',
      ].filter(Boolean);
      return [flag, extra.length ? `${spec.description} (${extra.join('; ')})` : spec.description];
    }),
    ['--help, -h', 'Show this help'],
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    usageLine(command),
    '',
    command.summary,
    '',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    '',
  ].join('\n');
}

function overview(commands: readonly Command[]): string {
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...commands.flatMap((command) => [`  ${command.name.join(' ')}`, `      ${command.summary}`]),
    '',
    `Run "${PROGRAM} <command> --help" for a command's options.`,
    '',
  ].join('\n');
}

function parse(command: Command, args: string[]): ParsedCommand | 'help' {
  if (args.includes('--help') || args.includes('-h')) return 'help';
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: command.positionals.length > 0,
      strict: true,
      options: Object.fromEntries(
        Object.entries(command.options).map(([name, spec]) => [name, { type: spec.type }]),
      ),
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values: ParsedCommand['values'] = { ...parsed.values } as ParsedCommand['values'];
  for (const [name, spec] of Object.entries(command.options)) {
    if (values[name] === undefined && spec.default !== undefined) values[name] = spec.default;
    const value = values[name];
    if (spec.required && (value === undefined || value === '')) throw new UsageError(`--${name} is required`);
    if (spec.choices && typeof value === 'string' && !spec.choices.includes(value))
      throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')} (not "${value}")`);
  }
  const missing = command.positionals.slice(parsed.positionals.length);
  if (missing.length > 0) throw new UsageError(`<${missing[0]!.name}> is required`);
  if (parsed.positionals.length > command.positionals.length)
    throw new UsageError(`unexpected argument "${parsed.positionals[command.positionals.length]}"`);
  return { values, positionals: parsed.positionals };
}

/**
 * Runs one command line and returns the exit code: 0 done, 1 the command reported a failure, 2 the
 * command was called wrongly (with the usage line on stderr). Help goes to stdout with exit 0. Errors
 * are reported as one line; a stack trace is never what a person running a command should read.
 */
export async function runCommandLine(
  argv: readonly string[],
  commands: readonly Command[],
  context: { output: CommandOutput; open: OpenEnishi },
): Promise<number> {
  const { output } = context;
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    (argv.length === 0 ? output.err : output.out)(overview(commands));
    return argv.length === 0 ? 2 : 0;
  }
  const command = commands.find((c) => c.name.every((word, i) => argv[i] === word));
  if (!command) {
    const named = argv
      .filter((word) => !word.startsWith('-'))
      .slice(0, 2)
      .join(' ');
    output.err(`error: unknown command "${named}"\n\n${overview(commands)}`);
    return 2;
  }
  try {
    const parsed = parse(command, argv.slice(command.name.length));
    if (parsed === 'help') {
      output.out(commandHelp(command));
      return 0;
    }
    return await command.run(parsed, context);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(
        `error: ${error.message}\n${usageLine(command)}\nRun "${PROGRAM} ${command.name.join(' ')} --help" for details.\n`,
      );
      return 2;
    }
    output.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
