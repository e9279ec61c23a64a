import type { Schemas } from '../../app/api/types';
import { allValues } from '../../app/api/types';

export type MemberProposal = Schemas['MemberProposal'];
export type StaffProposal = Schemas['StaffProposal'];
export type ProposalStatus = MemberProposal['status'];
export type ProposalCategory = NonNullable<MemberProposal['category']>;

export const proposalStatuses = allValues<ProposalStatus>()([
  'received',
  'reviewing',
  'adopted',
  'declined',
] as const);
export const proposalCategories = allValues<ProposalCategory>()([
  'community',
  'workplace',
  'business',
  'other',
] as const);

export const proposalKeys = {
  member: (slug: string, view: 'mine' | 'public') => ['proposals', slug, 'member', view] as const,
  memberOne: (slug: string, id: string) => ['proposals', slug, 'member', 'one', id] as const,
  memberAll: (slug: string) => ['proposals', slug, 'member'] as const,
  staff: (slug: string, status: ProposalStatus | 'all') => ['proposals', slug, 'staff', status] as const,
  staffAll: (slug: string) => ['proposals', slug, 'staff'] as const,
};

/** Adopted reads as good news, declined as settled; the rest are still open. */
export const statusBadgeClass = (status: ProposalStatus) =>
  status === 'adopted' ? 'badge ok' : status === 'reviewing' ? 'badge warn' : 'badge';

/** The month before this one in Japan time, as YYYY-MM: what a monthly summary is usually about. */
export function previousMonthInJapan(now: Date): string {
  const japan = new Date(now.getTime() + 9 * 3600_000);
  const year = japan.getUTCFullYear();
  const month = japan.getUTCMonth(); // 0-based: the previous month's 1-based number
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}
