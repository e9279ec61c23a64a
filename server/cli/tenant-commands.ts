import { createTenant } from '../modules/tenancy/create-tenant.js';
import { SignUpSchema } from '../modules/tenancy/schemas.js';
import { AppError } from '../platform/errors.js';
import { fieldErrorsFromZod } from '../platform/http/validation.js';
import { translate } from '../platform/i18n/messages.js';
import { type Command, UsageError } from './command-line.js';

const flags: Record<string, string> = {
  slug: '--slug',
  networkNameJa: '--name-ja',
  networkNameEn: '--name-en',
  email: '--owner-email',
  ownerName: '--owner-name',
};

/** `tenant create`: a network and its first owner, for operators who keep public sign-up closed. */
export const tenantCreateCommand: Command = {
  name: ['tenant', 'create'],
  summary: 'Create an alumni network and its first owner (who signs in with a link sent to that address).',
  options: {
    slug: {
      type: 'string',
      value: '<slug>',
      description: 'Address of the network: /t/<slug>',
      required: true,
    },
    'name-ja': { type: 'string', value: '<name>', description: 'Name in Japanese', required: true },
    'name-en': {
      type: 'string',
      value: '<name>',
      description: 'Name in English (default: the Japanese name)',
    },
    'owner-email': {
      type: 'string',
      value: '<email>',
      description: "Owner's e-mail address",
      required: true,
    },
    'owner-name': { type: 'string', value: '<name>', description: "Owner's name", required: true },
  },
  positionals: [],
  async run({ values }, { output, open }) {
    const parsed = SignUpSchema.safeParse({
      slug: values.slug,
      networkNameJa: values['name-ja'],
      networkNameEn: values['name-en'] ?? values['name-ja'],
      email: values['owner-email'],
      ownerName: values['owner-name'],
    });
    if (!parsed.success) {
      throw new UsageError(
        fieldErrorsFromZod(parsed.error)
          .map(
            (problem) =>
              `${flags[problem.path] ?? problem.path}: ${translate('en', problem.code, problem.params)}`,
          )
          .join('\n'),
      );
    }
    const enishi = await open();
    try {
      const { tenant } = await enishi.deps.database.db.transaction((tx) =>
        createTenant(tx, {
          slug: parsed.data.slug,
          nameJa: parsed.data.networkNameJa,
          nameEn: parsed.data.networkNameEn,
          owner: { email: parsed.data.email, displayName: parsed.data.ownerName },
        }),
      );
      output.out(
        `${JSON.stringify({ created: { slug: tenant.slug, nameJa: tenant.nameJa, nameEn: tenant.nameEn } })}\n` +
          `The owner signs in at ${enishi.deps.config.publicUrl}/signin with ${parsed.data.email}.\n`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      output.err(`error: ${translate('en', error.code)}\n`);
      return 1;
    } finally {
      await enishi.close();
    }
  },
};
