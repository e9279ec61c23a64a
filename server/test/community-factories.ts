import sharp from 'sharp';
import { alumniRecords, type Role } from '../db/schema/index.js';
import { enterTenant } from '../db/scope.js';
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
    /** Company news by e-mail (the registry's contact consent); declined unless told otherwise. */
    companyNews?: boolean;
  } = {},
) {
  const added = await addTestMember(server, tenant.id, options.role ?? 'alumnus', {
    displayName: options.displayName ?? '会員 花子',
  });
  const client: TestClient = await signIn(server, added.email);
  const consent = await client.put(`/api/v1/t/${tenant.slug}/community/me/consents?source=onboarding`, {
    companyNews: options.companyNews ?? false,
    listedInDirectory: options.listed ?? true,
    companyContact: false,
    policyVersion,
  });
  if (consent.status !== 200) throw new Error(`consent failed: ${JSON.stringify(consent.body)}`);
  const done = await client.post(`/api/v1/t/${tenant.slug}/community/me/onboarding/complete`);
  if (done.status !== 200) throw new Error(`onboarding failed: ${JSON.stringify(done.body)}`);
  // The profile is filled in after set-up, so its hashtags are carried but not followed.
  if (options.profile) {
    const updated = await client.patch(`/api/v1/t/${tenant.slug}/community/me/profile`, options.profile);
    if (updated.status !== 200) throw new Error(`profile failed: ${JSON.stringify(updated.body)}`);
  }
  return { ...added, id: added.membership.id, client };
}

/** HR's record for a member, linked to their membership as an accepted invitation would link it. */
export async function linkedRecord(
  server: TestServer,
  tenant: { id: string },
  membershipId: string,
  values: { familyName: string; joinedOn?: string; leftOn?: string; lastDepartment?: string },
) {
  await server.deps.database.db.transaction(async (tx) => {
    await enterTenant(tx, tenant.id);
    await tx.insert(alumniRecords).values({
      tenantId: tenant.id,
      familyName: values.familyName,
      joinedOn: values.joinedOn ?? null,
      leftOn: values.leftOn ?? null,
      lastDepartment: values.lastDepartment ?? null,
      hrNotes: '人事メモ: 再雇用は慎重に',
      status: 'joined',
      membershipId,
    });
  });
}

/** A small real PNG, with EXIF data a phone would add. */
export function photoBytes(width = 800, height = 600) {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .png()
    .withExif({ IFD0: { Copyright: 'GPS 35.68N 139.76E' } })
    .toBuffer()
    .then((buffer) => new Uint8Array(buffer));
}

export function putPhoto(client: TestClient, slug: string, bytes: Uint8Array) {
  return client.request('PUT', `/api/v1/t/${slug}/community/me/photo`, {
    body: new Blob([new Uint8Array(bytes)]),
    headers: { 'content-type': 'application/octet-stream' },
  });
}
