import type { alumniRecords } from '../../db/schema/index.js';
import { personSearchTokens } from '../../platform/japanese/person-search.js';
import { queryGrams, readingSortKey, searchKey } from '../../platform/japanese/text.js';

export type RecordRow = typeof alumniRecords.$inferSelect;
export type RecordValues = Omit<
  RecordRow,
  | 'tenantId'
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'readingKey'
  | 'searchText'
  | 'membershipId'
  | 'createdByImportId'
  // Set when a candidate is hired (registry/rehire.ts), not through the record form or an import.
  | 'employmentStatus'
  | 'rehiredOn'
>;

/** Fields HR edits and history tracks; derived search keys and bookkeeping are left out. */
export const trackedFields = [
  'employeeNumber',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'formerNames',
  'emails',
  'phone',
  'joinedOn',
  'leftOn',
  'lastDepartment',
  'lastTitle',
  'departmentHistory',
  'leaveReason',
  'wouldReturn',
  'eligibility',
  'contactConsent',
  'consentSource',
  'consentAt',
  'consentWordingVersion',
  'hrTags',
  'hrNotes',
  'customFields',
  'status',
] as const satisfies readonly (keyof RecordValues)[];
export type TrackedField = (typeof trackedFields)[number];

export const emptyRecordValues: RecordValues = {
  employeeNumber: null,
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  formerNames: [],
  emails: [],
  phone: null,
  joinedOn: null,
  leftOn: null,
  lastDepartment: null,
  lastTitle: null,
  departmentHistory: [],
  leaveReason: null,
  wouldReturn: 'unanswered',
  eligibility: 'review',
  contactConsent: 'unknown',
  consentSource: null,
  consentAt: null,
  consentWordingVersion: null,
  hrTags: [],
  hrNotes: '',
  customFields: {},
  status: 'record',
};

/** The derived columns the registry sorts and searches on. */
export function derivedKeys(
  values: Pick<
    RecordValues,
    | 'familyName'
    | 'givenName'
    | 'familyNameKana'
    | 'givenNameKana'
    | 'formerNames'
    | 'emails'
    | 'employeeNumber'
  >,
) {
  const names = [
    searchKey(`${values.familyName}${values.givenName}`),
    searchKey(`${values.familyNameKana}${values.givenNameKana}`),
    ...values.formerNames.map(searchKey),
  ].filter((field) => field.length > 0);
  const ascii = [...values.emails, values.employeeNumber ?? '']
    .map((field) => field.normalize('NFKC').toLowerCase().trim())
    .filter((field) => field.length > 0);
  return {
    readingKey: readingSortKey(`${values.familyNameKana}${values.givenNameKana}`),
    searchText: [...names, ...ascii.map(searchKey)].join(' '),
  };
}

/** The token of records carrying an HR tag (the tag as written, matched whole). */
export const tagToken = (tag: string) => `#${tag}`;
/** The tokens of a department name: its bigrams (normalised as names are), marked as a department's. */
export const departmentTokens = (department: string) => {
  const key = searchKey(department);
  return Array.from(key).length < 2 ? [] : queryGrams(key).map((gram) => `%${gram}`);
};

/**
 * A record's search tokens (see record_search_postings): its whole name and former names (each also
 * with the given name: 旧姓 and 名 typed together), its given name's reading, its HR tags and its last
 * department's bigrams. The family name's reading and the whole reading are found by a range over
 * reading_key.
 */
export function searchTokensOf(
  values: Pick<
    RecordValues,
    'familyName' | 'givenName' | 'givenNameKana' | 'formerNames' | 'hrTags' | 'lastDepartment'
  >,
): string[] {
  const tokens = personSearchTokens({
    names: [
      `${values.familyName}${values.givenName}`,
      ...values.formerNames.flatMap((name) =>
        values.givenName ? [name, `${name}${values.givenName}`] : [name],
      ),
    ],
    readings: [values.givenNameKana],
  });
  return [
    ...new Set([...tokens, ...values.hrTags.map(tagToken), ...departmentTokens(values.lastDepartment ?? '')]),
  ];
}

function comparable(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value ?? null);
}

/** Field-by-field [before, after] for what actually changed; empty when nothing did. */
export function diffRecord(
  before: Partial<RecordValues>,
  after: Partial<RecordValues>,
): Partial<Record<TrackedField, [unknown, unknown]>> {
  const changes: Partial<Record<TrackedField, [unknown, unknown]>> = {};
  for (const field of trackedFields) {
    if (!(field in after)) continue;
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (comparable(from) !== comparable(to)) {
      changes[field] = [
        from instanceof Date ? from.toISOString() : from,
        to instanceof Date ? to.toISOString() : to,
      ];
    }
  }
  return changes;
}

/** Status follows eligibility: "not eligible" puts a record that has not joined on the exclusion list. */
export function statusAfter(current: RecordValues['status'], eligibility: RecordValues['eligibility']) {
  if (eligibility === 'not_eligible' && current !== 'joined') return 'excluded' as const;
  if (eligibility !== 'not_eligible' && current === 'excluded') return 'record' as const;
  return current;
}

export const isExcluded = (record: Pick<RecordValues, 'eligibility' | 'status'>) =>
  record.eligibility === 'not_eligible' || record.status === 'excluded';
