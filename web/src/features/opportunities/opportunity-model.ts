import type { Schemas } from '../../app/api/types';
import { allValues } from '../../app/api/types';

export type MemberOpportunity = Schemas['MemberOpportunity'];
export type StaffOpportunity = Schemas['StaffOpportunity'];
export type Candidate = Schemas['Candidate'];
export type OpportunityKind = MemberOpportunity['kind'];

export const kinds = allValues<OpportunityKind>()(['job', 'comeback', 'collaboration'] as const);
export const statuses = allValues<StaffOpportunity['status']>()([
  'draft',
  'open',
  'closed',
  'filled',
] as const);
export const stages = allValues<Candidate['stage']>()([
  'interested',
  'scheduling',
  'selection',
  'offer',
  'hired',
  'not_selected',
  'declined',
] as const);

export const opportunityKeys = {
  memberList: (slug: string, kind: string, sort: string) =>
    ['t', slug, 'opportunities', 'member', kind, sort] as const,
  member: (slug: string, id: string) => ['t', slug, 'opportunities', 'member', 'one', id] as const,
  memberAll: (slug: string) => ['t', slug, 'opportunities', 'member'] as const,
  sentReferrals: (slug: string) => ['t', slug, 'opportunities', 'member', 'sent-referrals'] as const,
  staffList: (slug: string) => ['t', slug, 'opportunities', 'staff'] as const,
  staff: (slug: string, id: string) => ['t', slug, 'opportunities', 'staff', id] as const,
  candidates: (slug: string, opportunity: string) =>
    ['t', slug, 'opportunities', 'candidates', opportunity] as const,
};
