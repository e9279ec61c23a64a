import { parseArgs } from 'node:util';
import { bootEnishi, createLogger } from '../server/boot.js';
import { loadConfig } from '../server/config.js';
import { createTenant } from '../server/modules/tenancy/create-tenant.js';
import { SignUpSchema } from '../server/modules/tenancy/schemas.js';
import { fieldErrorsFromZod } from '../server/platform/http/validation.js';
import { translate } from '../server/platform/i18n/messages.js';

const usage = `Usage: npm run enishi -- <command>

Commands:
  tenant create --slug <slug> --name-ja <name> --name-en <name> --owner-email <email> --owner-name <name>
      Create an alumni network and its first owner (who signs in with a link sent to that address).
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

const [command, subcommand, ...rest] = process.argv.slice(2);
if (command === 'tenant' && subcommand === 'create') await createTenantCommand(rest);
else {
  console.error(usage);
  process.exit(command ? 2 : 0);
}
