export type WouldReturn = 'yes' | 'no' | 'unanswered';
export type Eligibility = 'eligible' | 'not_eligible' | 'review';
export type Consent = 'granted' | 'withdrawn' | 'unknown';
export type RecordStatus = 'record' | 'invited' | 'joined' | 'declined' | 'excluded';
export const wouldReturnValues: WouldReturn[] = ['yes', 'no', 'unanswered'];
export const eligibilityValues: Eligibility[] = ['eligible', 'review', 'not_eligible'];
export const consentValues: Consent[] = ['granted', 'withdrawn', 'unknown'];
export const statusValues: RecordStatus[] = ['record', 'invited', 'joined', 'declined', 'excluded'];
export const leaveReasons = [
  'career_change',
  'career_up',
  'independence',
  'study',
  'childcare',
  'caregiving',
  'relocation',
  'health',
  'retirement',
  'contract_end',
  'other',
] as const;
export type LeaveReason = (typeof leaveReasons)[number];

export type RecordRow = {
  id: string;
  employeeNumber: string | null;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  email: string | null;
  leftOn: string | null;
  lastDepartment: string | null;
  wouldReturn: WouldReturn;
  eligibility: Eligibility;
  contactConsent: Consent;
  status: RecordStatus;
  hrTags: string[];
};

export type DepartmentEntry = { department: string; company?: string; from?: string; to?: string };

export type AlumniRecord = RecordRow & {
  departmentHistory: DepartmentEntry[];
  formerNames: string[];
  emails: string[];
  phone: string | null;
  joinedOn: string | null;
  lastTitle: string | null;
  leaveReason: LeaveReason | null;
  consentSource: string | null;
  consentAt: string | null;
  consentWordingVersion: string | null;
  hrNotes: string;
  customFields: Record<string, string | number | null>;
  member: { id: string; displayName: string } | null;
  createdAt: string;
  updatedAt: string;
};

export type RecordFilter = {
  q?: string;
  leftFrom?: number;
  leftTo?: number;
  department?: string;
  wouldReturn?: WouldReturn[];
  eligibility?: Eligibility[];
  consent?: Consent[];
  status?: RecordStatus[];
  tag?: string;
  ids?: string[];
};

export type Segment = { id: string; name: string; filter: RecordFilter; count: number };

/** Query-string form of a filter, as the list endpoint reads it (repeated keys for lists). */
export function filterParams(filter: RecordFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  return params;
}

/** Drops empty values so saved segments and URLs stay small. */
export function compactFilter(filter: RecordFilter): RecordFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(
      ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  ) as RecordFilter;
}

export const fullName = (r: { familyName: string; givenName: string }) =>
  [r.familyName, r.givenName].filter(Boolean).join(' ');
export const fullReading = (r: { familyNameKana: string; givenNameKana: string }) =>
  [r.familyNameKana, r.givenNameKana].filter(Boolean).join(' ');

/** The invitation screen's selection, handed over in router state. */
export type InviteSelection = { recordIds?: string[]; segment?: string; filter?: RecordFilter };
