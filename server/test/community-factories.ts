import type { Role } from '../db/schema/index.js';
import type { TestClient } from './client.js';
import { addTestMember, signIn } from './factories.js';
import type { TestServer } from './harness.js';

export const policyVersion = '2026-11';

export type CommunityMember = Awaited<ReturnType<typeof communityMember>>;

/**
 * A signed-in member who has been through set-up: consents answered (listed in the directory unless
 * told otherwise) and, optionally, a profile.
 */
export async function communityMember(
  server: TestServer,
  tenant: { id: string; slug: string },
  options: {
    role?: Role;
    displayName?: string;
    profile?: Record<string, unknown>;
    listed?: boolean;
  } = {},
) {
  const added = await addTestMember(server, tenant.id, options.role ?? 'alumnus', {
    displayName: options.displayName ?? '会員 花子',
  });
  const client: TestClient = await signIn(server, added.email);
  const consent = await client.put(`/api/v1/t/${tenant.slug}/community/me/consents?source=onboarding`, {
    companyNews: false,
    listedInDirectory: options.listed ?? true,
    companyContact: false,
    policyVersion,
  });
  if (consent.status !== 200) throw new Error(`consent failed: ${JSON.stringify(consent.body)}`);
  if (options.profile) {
    const updated = await client.patch(`/api/v1/t/${tenant.slug}/community/me/profile`, options.profile);
    if (updated.status !== 200) throw new Error(`profile failed: ${JSON.stringify(updated.body)}`);
  }
  const done = await client.post(`/api/v1/t/${tenant.slug}/community/me/onboarding/complete`);
  if (done.status !== 200) throw new Error(`onboarding failed: ${JSON.stringify(done.body)}`);
  return { ...added, id: added.membership.id, client };
}
