import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  ENISHI_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_OWNER_URL: z.string().optional(),
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('enishi_app'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Enishi <no-reply@enishi.localhost>'),
  ENISHI_DEMO: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEBAUTHN_RP_ID: z.string().optional(),
  WEBAUTHN_RP_NAME: z.string().default('Enishi'),
  ENISHI_SIGNUP: booleanFlag.default(true),
});

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseOwnerUrl: string | undefined;
  appRole: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  demo: boolean;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  webauthnRpId: string;
  webauthnRpName: string;
  signupOpen: boolean;
  /** Secure cookies everywhere except on a localhost address (development over plain http). */
  secureCookies: boolean;
};

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(
    Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  const url = new URL(publicUrl);
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    dataDir: path.resolve(env.ENISHI_DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databaseOwnerUrl: env.DATABASE_OWNER_URL ?? env.DATABASE_URL,
    appRole: env.DATABASE_APP_ROLE,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    demo: env.ENISHI_DEMO,
    logLevel: env.LOG_LEVEL,
    webauthnRpId: env.WEBAUTHN_RP_ID ?? url.hostname,
    webauthnRpName: env.WEBAUTHN_RP_NAME,
    signupOpen: env.ENISHI_SIGNUP,
    secureCookies: !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname),
  };
}
