import { parseArgs } from 'node:util';
import { bootEnishi, createLogger } from '../server/boot.js';
import { registryExportCommand, registryImportCommand, UsageError } from '../server/cli/registry-commands.js';
import { loadConfig } from '../server/config.js';
import { createTenant } from '../server/modules/tenancy/create-tenant.js';
import { SignUpSchema } from '../server/modules/tenancy/schemas.js';
import { fieldErrorsFromZod } from '../server/platform/http/validation.js';
import { translate } from '../server/platform/i18n/messages.js';

const usage = `Usage: npm run enishi -- <command>

Commands:
  tenant create --slug <slug> --name-ja <name> --name-en <name> --owner-email <email> --owner-name <name>
      Create an alumni network and its first owner (who signs in with a link sent to that address).

  registry import --tenant <slug> <file> [--mapping <template>] [--apply] [--lang ja|en]
      Dry-run a CSV (UTF-8 or CP932) or .xlsx file against the registry and print the result as JSON;
      with --apply, write the accepted rows (all or none). Exits 1 when rows were rejected.

  registry export --tenant <slug> [--segment <name>] [--encoding cp932|utf8] [--columns a,b] <file>
      Write the registry (or one segment) as CSV. Letters CP932 cannot hold are listed in the output.
`;

async function createTenantCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      slug: { type: 'string' },
      'name-ja': { type: 'string' },
      'name-en': { type: 'string' },
      'owner-email': { type: 'string' },
      'owner-name': { type: 'string' },
    },
  });
  const parsed = SignUpSchema.safeParse({
    slug: values.slug,
    networkNameJa: values['name-ja'],
    networkNameEn: values['name-en'] ?? values['name-ja'],
    email: values['owner-email'],
    ownerName: values['owner-name'],
  });
  if (!parsed.success) {
    const flags: Record<string, string> = {
      slug: '--slug',
      networkNameJa: '--name-ja',
      networkNameEn: '--name-en',
      email: '--owner-email',
      ownerName: '--owner-name',
    };
    for (const problem of fieldErrorsFromZod(parsed.error)) {
      console.error(
        `${flags[problem.path] ?? problem.path}: ${translate('en', problem.code, problem.params)}`,
      );
    }
    console.error(`\n${usage}`);
    process.exit(2);
  }
  const config = loadConfig();
  const enishi = await bootEnishi(config, { workers: false, logger: createLogger({ logLevel: 'warn' }) });
  try {
    const { tenant } = await enishi.deps.database.db.transaction((tx) =>
      createTenant(tx, {
        slug: parsed.data.slug,
        nameJa: parsed.data.networkNameJa,
        nameEn: parsed.data.networkNameEn,
        owner: { email: parsed.data.email, displayName: parsed.data.ownerName },
      }),
    );
    console.log(
      JSON.stringify({ created: { slug: tenant.slug, nameJa: tenant.nameJa, nameEn: tenant.nameEn } }),
    );
    console.log(`The owner signs in at ${config.publicUrl}/signin with ${parsed.data.email}.`);
  } catch (error) {
    console.error(
      error instanceof Error && error.message === 'slug_taken'
        ? `slug "${parsed.data.slug}" is taken`
        : error,
    );
    process.exitCode = 1;
  } finally {
    await enishi.close();
  }
}

async function registryCommand(run: typeof registryImportCommand, args: string[]) {
  const enishi = await bootEnishi(loadConfig(), {
    workers: false,
    logger: createLogger({ logLevel: 'warn' }),
  });
  try {
    const result = await run(enishi.deps, args);
    console.log(JSON.stringify(result.output, null, 2));
    process.exitCode = result.exitCode;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    process.exitCode = 2;
  } finally {
    await enishi.close();
  }
}

const [command, subcommand, ...rest] = process.argv.slice(2);
if (command === 'tenant' && subcommand === 'create') await createTenantCommand(rest);
else if (command === 'registry' && subcommand === 'import')
  await registryCommand(registryImportCommand, rest);
else if (command === 'registry' && subcommand === 'export')
  await registryCommand(registryExportCommand, rest);
else {
  console.error(usage);
  process.exit(command ? 2 : 0);
}
