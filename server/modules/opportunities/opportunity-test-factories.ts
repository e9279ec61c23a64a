import { expect } from 'vitest';
import { addTestMember, createTestTenant, signIn } from '../../test/factories.js';
import type { TestServer } from '../../test/harness.js';

export type Staff = {
  id: string;
  kind: string;
  status: string;
  bodyHtml: string;
  candidates: { active: number; total: number };
};
export type Member = {
  id: string;
  title: string;
  kind: string;
  isNew: boolean;
  closingSoon: boolean;
  acceptsResponses: boolean;
  interest: {
    status: string;
    sharedStatus: string;
    message: string;
    file?: { name: string; size: number; uploadedAt: string } | null;
  } | null;
} & Record<string, unknown>;
export type Candidate = {
  id: string;
  stage: string;
  withdrawn: boolean;
  hrNotes: string;
  record: { id: string; employmentStatus: string; rehiredOn: string | null } | null;
  member: { id: string };
};
export type Problem = { code: string; title: string };

export async function network(server: TestServer) {
  const created = await createTestTenant(server);
  const hr = await addTestMember(server, created.tenant.id, 'admin', { displayName: '人事 一郎' });
  return {
    id: created.tenant.id,
    slug: created.slug,
    hr: await signIn(server, hr.email),
    hrId: hr.membership.id,
    ownerEmail: created.ownerEmail,
  };
}
export type Network = Awaited<ReturnType<typeof network>>;

export async function open(net: Network, input: Record<string, unknown> = {}) {
  const created = await net.hr.post<Staff>(`/api/v1/t/${net.slug}/opportunities`, {
    kind: 'comeback',
    title: 'プロダクトマネージャー（カムバック採用）',
    body: '**歓迎**します。#カムバック',
    status: 'open',
    ...input,
  });
  expect(created.status).toBe(201);
  return created.body;
}
