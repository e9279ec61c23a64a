import type { importIssues, importTemplates } from '../../../db/schema/index.js';
import { isMessageKey, type Locale, translate } from '../../../platform/i18n/messages.js';
import type { ImportRecord } from './imports.js';

export function presentImport(imp: ImportRecord, locale: Locale) {
  return {
    id: imp.id,
    fileName: imp.fileName,
    format: imp.format,
    encoding: imp.encoding,
    headers: imp.headers,
    mapping: imp.mapping,
    status: imp.status,
    totalRows: imp.totalRows,
    processedRows: imp.processedRows,
    counts: imp.counts ? { merged: 0, warned: 0, ...imp.counts } : null,
    error: imp.errorCode && isMessageKey(imp.errorCode) ? translate(locale, imp.errorCode) : imp.errorCode,
    createdAt: imp.createdAt.toISOString(),
    checkedAt: imp.checkedAt?.toISOString() ?? null,
    appliedAt: imp.appliedAt?.toISOString() ?? null,
  };
}

export function presentImportIssue(issue: typeof importIssues.$inferSelect, locale: Locale) {
  return {
    row: issue.rowNumber,
    column: issue.column,
    value: issue.value,
    code: issue.code,
    severity: issue.severity,
    message: isMessageKey(issue.code) ? translate(locale, issue.code, issue.detail) : issue.code,
  };
}

export function presentImportTemplate(template: typeof importTemplates.$inferSelect) {
  return { id: template.id, name: template.name, mapping: template.mapping };
}
