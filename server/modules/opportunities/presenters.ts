import type { CandidateView } from './candidates.js';
import { addDays, todayInTokyo } from './dates.js';
import type { InterestFileMeta } from './interest-file-rows.js';
import { acceptsResponses, type OpportunityInterestRow } from './interests.js';
import type { ListedOpportunity } from './list-opportunities.js';
import { audienceOf } from './opportunity-audience.js';
import type { ReferralView, SentReferralView } from './referrals.js';
import type { OpportunityRow } from './write-opportunities.js';

const NEW_FOR_DAYS = 7;
const CLOSING_SOON_DAYS = 7;

function details(row: ListedOpportunity) {
  return {
    employmentType: row.employmentType,
    team: row.team,
    location: row.location,
    workStyle: row.workStyle,
    payRange: row.payRange,
    returnerTerms: row.returnerTerms,
    collaborationType: row.collaborationType,
    duration: row.duration,
    budget: row.budget,
  };
}

/** Staff-only: the console's view, with the candidates counted. */
export function presentStaffOpportunity(row: OpportunityRow, candidates: { active: number; total: number }) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    body: row.body,
    bodyHtml: row.bodyHtml,
    contactName: row.contactName,
    closesOn: row.closesOn,
    ...details(row),
    audience: audienceOf(row),
    openedAt: row.openedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    candidates,
  };
}

export function presentInterestFile(file: InterestFileMeta | null) {
  return file ? { name: file.name, size: file.size, uploadedAt: file.uploadedAt.toISOString() } : null;
}

/** A member's own answer. HR's stage, notes and owner stay out: only what HR chose to share. */
export function presentOwnInterest(interest: OpportunityInterestRow | null, file: InterestFileMeta | null) {
  if (!interest) return null;
  return {
    status: interest.withdrawnAt ? ('withdrawn' as const) : ('interested' as const),
    message: interest.message,
    link: interest.link,
    file: presentInterestFile(file),
    sharedStatus: interest.sharedStatus,
    since: interest.createdAt.toISOString(),
  };
}

/** What a member sees: the opening itself and their own answer, never who else answered. */
export function presentMemberOpportunity(
  row: OpportunityRow,
  interest: OpportunityInterestRow | null,
  file: InterestFileMeta | null,
  now = new Date(),
) {
  return { ...presentListedOpportunity(row, interest, file, now), bodyHtml: row.bodyHtml };
}

/** An entry of the member's list: as on its page, without the text. */
export function presentListedOpportunity(
  row: ListedOpportunity,
  interest: OpportunityInterestRow | null,
  file: InterestFileMeta | null,
  now = new Date(),
) {
  const today = todayInTokyo(now);
  const openedAt = row.openedAt ?? row.createdAt;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    contactName: row.contactName,
    closesOn: row.closesOn,
    ...details(row),
    openedAt: openedAt.toISOString(),
    isNew: now.getTime() - openedAt.getTime() < NEW_FOR_DAYS * 86_400_000 && !interest,
    closingSoon: row.closesOn !== null && row.closesOn <= addDays(today, CLOSING_SOON_DAYS),
    acceptsResponses: acceptsResponses(row, today),
    interest: presentOwnInterest(interest, file),
  };
}

/** Staff-only: a candidate card, with HR's notes. */
export function presentCandidate(view: CandidateView) {
  const { interest, record } = view;
  return {
    id: interest.id,
    opportunity: view.opportunity,
    member: view.member,
    record: record
      ? {
          id: record.id,
          name: `${record.familyName} ${record.givenName}`.trim(),
          employmentStatus: record.employmentStatus,
          rehiredOn: record.rehiredOn,
        }
      : null,
    stage: interest.stage,
    stageChangedAt: interest.stageChangedAt.toISOString(),
    withdrawn: interest.withdrawnAt !== null,
    message: interest.message,
    link: interest.link,
    file: presentInterestFile(view.file),
    hrNotes: interest.hrNotes,
    owner: view.owner?.id ? { id: view.owner.id, displayName: view.owner.displayName } : null,
    sharedStatus: interest.sharedStatus,
    createdAt: interest.createdAt.toISOString(),
    updatedAt: interest.updatedAt.toISOString(),
  };
}

/** Staff-only: who referred whom for an opportunity. */
export function presentReferral(view: ReferralView) {
  const { referral } = view;
  return {
    id: referral.id,
    referrer: view.referrer,
    referred: {
      member: view.referred?.id ? { id: view.referred.id, displayName: view.referred.displayName } : null,
      name: referral.name,
      email: referral.email,
    },
    note: referral.note,
    mailed: referral.mailed,
    createdAt: referral.createdAt.toISOString(),
  };
}

/** A member's own referral: what they told us, for which opportunity (see listSentReferrals). */
export function presentSentReferral(view: SentReferralView, today = todayInTokyo()) {
  return {
    id: view.id,
    name: view.name,
    note: view.note,
    createdAt: view.createdAt.toISOString(),
    opportunity: {
      id: view.opportunity.id,
      title: view.opportunity.title,
      kind: view.opportunity.kind,
      acceptsResponses: acceptsResponses(view.opportunity, today),
    },
  };
}
