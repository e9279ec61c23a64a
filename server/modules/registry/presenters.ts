import type { customFieldDefinitions } from '../../db/schema/index.js';
import type { RecordRow } from './record-values.js';

// Staff-only presenters: the registry never answers a member, so nothing here is member-facing.

export function presentRecordRow(record: RecordRow) {
  return {
    id: record.id,
    employeeNumber: record.employeeNumber,
    familyName: record.familyName,
    givenName: record.givenName,
    familyNameKana: record.familyNameKana,
    givenNameKana: record.givenNameKana,
    email: record.emails[0] ?? null,
    leftOn: record.leftOn,
    lastDepartment: record.lastDepartment,
    wouldReturn: record.wouldReturn,
    eligibility: record.eligibility,
    contactConsent: record.contactConsent,
    status: record.status,
    hrTags: record.hrTags,
  };
}

export function presentRecord(record: RecordRow, member: { id: string; displayName: string } | null) {
  return {
    ...presentRecordRow(record),
    formerNames: record.formerNames,
    emails: record.emails,
    phone: record.phone,
    joinedOn: record.joinedOn,
    lastTitle: record.lastTitle,
    departmentHistory: record.departmentHistory,
    leaveReason: record.leaveReason,
    consentSource: record.consentSource,
    consentAt: record.consentAt?.toISOString() ?? null,
    consentWordingVersion: record.consentWordingVersion,
    hrNotes: record.hrNotes,
    customFields: record.customFields,
    member,
    employmentStatus: record.employmentStatus,
    rehiredOn: record.rehiredOn,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function presentHistoryEntry(entry: {
  id: string;
  createdAt: Date;
  source: string;
  actor: string | null;
  changes: Record<string, [unknown, unknown]>;
}) {
  return {
    id: entry.id,
    at: entry.createdAt.toISOString(),
    source: entry.source,
    actor: entry.actor,
    changes: Object.entries(entry.changes).map(([field, [from, to]]) => ({ field, from, to })),
  };
}

export function presentCustomField(field: typeof customFieldDefinitions.$inferSelect) {
  return { id: field.id, key: field.key, label: field.label, type: field.type, options: field.options };
}
