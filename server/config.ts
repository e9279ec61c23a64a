import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './platform/http/trust-proxy.js';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/**
 * The push services of the browsers people use (Chrome/Android, Firefox, Safari, Edge). Web Push only
 * ever posts to these, so a subscription cannot make the server call an address of someone's choosing.
 */
const defaultPushServices = [
  'https://fcm.googleapis.com',
  'https://updates.push.services.mozilla.com',
  'https://web.push.apple.com',
  'https://*.push.apple.com',
  'https://*.notify.windows.com',
];

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Loopback unless told otherwise: a development instance is not reachable from the network by accident.
  HOST: z.string().default('127.0.0.1'),
  TRUST_PROXY: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
  ENISHI_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_OWNER_URL: z.string().optional(),
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('enishi_app'),
  SMTP_URL: z.string().optional(),
  ENISHI_DEV_MAIL: booleanFlag.default(false),
  MAIL_FROM: z.string().default('Enishi <no-reply@enishi.localhost>'),
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(10),
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  ENISHI_DEMO: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEBAUTHN_RP_ID: z.string().optional(),
  WEBAUTHN_RP_NAME: z.string().default('Enishi'),
  ENISHI_SIGNUP: booleanFlag.default(true),
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  VAPID_SUBJECT: z.string().optional(),
  WEB_PUSH_SERVICES: z.string().default(defaultPushServices.join(' ')),
  DIGEST_TIME_ZONE: z.string().refine(isTimeZone, 'unknown time zone').default('Asia/Tokyo'),
  IMPORT_DRY_RUN_DAYS: z.coerce.number().int().min(1).max(365).default(7),
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
  /**
   * The dev mailbox may be read over HTTP: no SMTP_URL and PUBLIC_URL is a localhost address (the
   * mailbox also checks each request comes from this machine).
   */
  devMailbox: boolean;
  /** ENISHI_DEV_MAIL=1 kept mail out of SMTP on a public address; start-up warns about it. */
  devMailForced: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed; null: the socket address is the client. */
  trustProxy: TrustProxy | null;
  mailFrom: string;
  /** SMTP connections the mail outbox keeps open at once. */
  smtpPoolSize: number;
  /**
   * How long a sending process holds the mails it claimed from the outbox; after that (it died, say)
   * another run may claim the ones it had not yet marked sent.
   */
  mailLeaseSeconds: number;
  demo: boolean;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  webauthnRpId: string;
  webauthnRpName: string;
  signupOpen: boolean;
  /** Secure cookies everywhere except on a localhost address (development over plain http). */
  secureCookies: boolean;
  /** VAPID keys from the environment; without them the instance makes a pair once and keeps it. */
  vapid: { publicKey: string; privateKey: string } | undefined;
  vapidSubject: string;
  /** Origins (optionally `*.` for subdomains) that Web Push may post to. */
  pushServices: string[];
  /** Digests go out at 08:00 in this time zone (daily, on Mondays for the weekly one, on the 1st for the monthly one). */
  digestTimeZone: string;
  /** Days an import that was uploaded or checked but not applied keeps its file and staged rows. */
  importDryRunDays: number;
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
  const localPublicUrl = isLocalhost(url.hostname);
  if (!localPublicUrl && !env.SMTP_URL && !env.ENISHI_DEV_MAIL) {
    throw new Error(
      `Invalid configuration:\n  SMTP_URL: required when PUBLIC_URL (${publicUrl}) is not a localhost address, ` +
        'or sign-in links would only reach the dev mailbox. Set SMTP_URL, or ENISHI_DEV_MAIL=1 to keep mail ' +
        'out of SMTP on purpose.',
    );
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if (trustProxy instanceof Error)
    throw new Error(`Invalid configuration:\n  TRUST_PROXY: ${trustProxy.message}`);
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    dataDir: path.resolve(env.ENISHI_DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databaseOwnerUrl: env.DATABASE_OWNER_URL ?? env.DATABASE_URL,
    appRole: env.DATABASE_APP_ROLE,
    smtpUrl: env.SMTP_URL,
    devMailbox: !env.SMTP_URL && localPublicUrl,
    devMailForced: !env.SMTP_URL && !localPublicUrl,
    trustProxy,
    mailFrom: env.MAIL_FROM,
    smtpPoolSize: env.SMTP_POOL_SIZE,
    mailLeaseSeconds: env.MAIL_LEASE_SECONDS,
    demo: env.ENISHI_DEMO,
    logLevel: env.LOG_LEVEL,
    webauthnRpId: env.WEBAUTHN_RP_ID ?? url.hostname,
    webauthnRpName: env.WEBAUTHN_RP_NAME,
    signupOpen: env.ENISHI_SIGNUP,
    secureCookies: !localPublicUrl,
    vapid:
      env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY
        ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY }
        : undefined,
    vapidSubject: env.VAPID_SUBJECT ?? `mailto:${mailAddress(env.MAIL_FROM)}`,
    pushServices: env.WEB_PUSH_SERVICES.split(/[\s,]+/).filter(Boolean),
    digestTimeZone: env.DIGEST_TIME_ZONE,
    importDryRunDays: env.IMPORT_DRY_RUN_DAYS,
  };
}

/** localhost, a name under .localhost (RFC 6761) or a loopback address. */
export function isLocalhost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '[::1]' ||
    name === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(name)
  );
}

/** The address inside "Name <address>". */
function mailAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
