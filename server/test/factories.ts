import { randomBytes } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { devMailbox, memberships, type Role } from '../db/schema/index.js';
import { enterTenant } from '../db/scope.js';
import { createTenant, findOrCreateAccount } from '../modules/tenancy/create-tenant.js';
import { TestClient } from './client.js';
import type { TestServer } from './harness.js';

export function uniqueSlug(prefix = 'co'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}.${randomBytes(4).toString('hex')}@example.jp`;
}

/** A fresh network with its owner, straight through the service (no mail). */
export async function createTestTenant(
  server: TestServer,
  options: { slug?: string; ownerEmail?: string } = {},
) {
  const slug = options.slug ?? uniqueSlug();
  const ownerEmail = options.ownerEmail ?? uniqueEmail('owner');
  const created = await server.deps.database.db.transaction((tx) =>
    createTenant(tx, {
      slug,
      nameJa: `テスト株式会社 ${slug}`,
      nameEn: `Test Corp ${slug}`,
      owner: { email: ownerEmail, displayName: 'オーナー 太郎' },
    }),
  );
  return { ...created, slug, ownerEmail };
}

export async function addTestMember(
  server: TestServer,
  tenantId: string,
  role: Role,
  options: { email?: string; displayName?: string } = {},
) {
  const email = options.email ?? uniqueEmail(role);
  return server.deps.database.db.transaction(async (tx) => {
    const account = await findOrCreateAccount(tx, {
      email,
      displayName: options.displayName ?? `${role} 花子`,
    });
    await enterTenant(tx, tenantId);
    const [membership] = await tx
      .insert(memberships)
      .values({ tenantId, accountId: account.id, role, displayName: options.displayName ?? `${role} 花子` })
      .returning();
    return { account, membership: membership!, email };
  });
}

/** Every mail for an address, newest first, after running due jobs. */
export async function mailsTo(server: TestServer, to: string) {
  await server.deps.jobs.drain();
  return server.deps.database.db
    .select()
    .from(devMailbox)
    .where(eq(devMailbox.recipient, to))
    .orderBy(desc(devMailbox.createdAt));
}

/** The newest mail for an address, after running due jobs; tests read links from it like a person would. */
export async function latestMail(server: TestServer, to: string) {
  return (await mailsTo(server, to))[0] ?? null;
}

export function tokenFrom(text: string): string {
  const match = /#token=([\w-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no sign-in link in mail:\n${text}`);
  return match[1];
}

/** Signs a person in through the real magic-link flow and returns their browser-like client. */
export async function signIn(server: TestServer, email: string, language = 'ja'): Promise<TestClient> {
  const client = new TestClient(server, { language });
  const requested = await client.post('/api/v1/auth/magic-link', { email });
  if (requested.status !== 202)
    throw new Error(`magic link request failed: ${JSON.stringify(requested.body)}`);
  const mail = await latestMail(server, email);
  if (!mail) throw new Error(`no mail for ${email}`);
  const verified = await client.post('/api/v1/auth/verify', { token: tokenFrom(mail.textBody) });
  if (verified.status !== 200) throw new Error(`verify failed: ${JSON.stringify(verified.body)}`);
  return client;
}

/** A fresh network and a signed-in member of it with the given role. */
export async function tenantWithMember(server: TestServer, role: Role, language = 'ja') {
  const tenant = await createTestTenant(server);
  const member = await addTestMember(server, tenant.tenant.id, role);
  return { ...tenant, member, client: await signIn(server, member.email, language) };
}
