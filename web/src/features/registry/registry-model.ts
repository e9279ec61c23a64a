import { allValues, type Schemas } from '../../app/api/types';

// Types come from the server's schemas; the value lists are checked against them.
export type RecordRow = Schemas['RecordRow'];
export type AlumniRecord = Schemas['Record'];
export type Segment = Schemas['Segment'];
export type DepartmentEntry = AlumniRecord['departmentHistory'][number];
export type WouldReturn = RecordRow['wouldReturn'];
export type Eligibility = RecordRow['eligibility'];
export type Consent = RecordRow['contactConsent'];
export type RecordStatus = RecordRow['status'];
export type LeaveReason = NonNullable<AlumniRecord['leaveReason']>;

export const wouldReturnValues = allValues<WouldReturn>()(['yes', 'no', 'unanswered']);
export const eligibilityValues = allValues<Eligibility>()(['eligible', 'review', 'not_eligible']);
export const consentValues = allValues<Consent>()(['granted', 'withdrawn', 'unknown']);
export const statusValues = allValues<RecordStatus>()([
  'record',
  'invited',
  'joined',
  'declined',
  'excluded',
]);
export const leaveReasons = allValues<LeaveReason>()([
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
]);

/** The filter as the screens hold it: the schema's filter, lists always as lists. */
export type RecordFilter = Omit<Segment['filter'], 'wouldReturn' | 'eligibility' | 'consent' | 'status'> & {
  wouldReturn?: WouldReturn[];
  eligibility?: Eligibility[];
  consent?: Consent[];
  status?: RecordStatus[];
};

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

/** The filter a registry URL carries (the list screen keeps its filter in the address). */
export function filterFromParams(params: URLSearchParams): RecordFilter {
  const list = <T extends string>(key: string) => params.getAll(key) as T[];
  const number = (key: string) => (params.get(key) ? Number(params.get(key)) : undefined);
  return compactFilter({
    q: params.get('q') ?? undefined,
    leftFrom: number('leftFrom'),
    leftTo: number('leftTo'),
    department: params.get('department') ?? undefined,
    wouldReturn: list('wouldReturn'),
    eligibility: list('eligibility'),
    consent: list('consent'),
    status: list('status'),
    tag: params.get('tag') ?? undefined,
  });
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
