import {
  type ContactConsent,
  type Eligibility,
  eligibilityValues,
  type LeaveReason,
  leaveReasons,
  type WouldReturn,
  wouldReturnValues,
} from '../../../db/schema/index.js';
import type { FieldError } from '../../../platform/errors.js';
import { normaliseEmail, normalisePhone } from '../../../platform/japanese/contact.js';
import { dateFromExcelSerial, readJapaneseDate } from '../../../platform/japanese/dates.js';
import {
  isKatakanaReading,
  normaliseReading,
  splitPersonName,
  tidySpaces,
} from '../../../platform/japanese/text.js';
import { type CustomFieldDefinition, coerceCustomValue } from '../custom-fields.js';
import { fileSynonyms, fileWords } from '../vocabulary.js';
import type { ColumnMapping } from './columns.js';

export type RowValues = {
  employeeNumber?: string | null;
  familyName?: string;
  givenName?: string;
  familyNameKana?: string;
  givenNameKana?: string;
  formerNames?: string[];
  email?: string;
  phone?: string | null;
  joinedOn?: string | null;
  leftOn?: string | null;
  lastDepartment?: string | null;
  lastTitle?: string | null;
  leaveReason?: LeaveReason;
  wouldReturn?: WouldReturn;
  eligibility?: Eligibility;
  contactConsent?: ContactConsent;
  hrTags?: string[];
  hrNotes?: string;
  customFields?: Record<string, string | number>;
};

export type RowIssue = {
  column: string | null;
  value: string | null;
  code: FieldError['code'];
  params?: Record<string, string | number>;
  /** A warning leaves the row accepted; anything else rejects it. */
  severity?: 'warning';
};

/** Whether a row has an issue that rejects it (warnings do not). */
export const rejects = (issues: RowIssue[]) => issues.some((issue) => issue.severity !== 'warning');

/**
 * Fields that keep a quoted line break: notes, and the lists, where a line break separates entries.
 * In any other field a line break is a spreadsheet artefact; it becomes a space, with a warning.
 */
const multiLineTargets = new Set(['hrNotes', 'formerNames', 'hrTags']);
const lineBreak = /\r\n|[\r\n]/g;

const choice = <T extends string>(table: Record<string, T>) => {
  const index = new Map(Object.entries(table).map(([k, v]) => [k.normalize('NFKC').toLowerCase(), v]));
  return {
    allowed: Object.keys(table).join(' / '),
    read: (text: string) => index.get(text.normalize('NFKC').toLowerCase()),
  };
};

/** The words export writes (Japanese first), the synonyms, then the codes themselves. */
function choicesFor<T extends string>(field: keyof typeof fileSynonyms, codes: readonly T[]) {
  const invert = (words: Partial<Record<string, string>>) =>
    Object.fromEntries(
      Object.entries(words)
        .filter(([, word]) => word)
        .map(([code, word]) => [word, code as T]),
    );
  return choice<T>({
    ...invert(fileWords.ja[field]),
    ...Object.fromEntries(Object.entries(fileSynonyms[field]).map(([word, code]) => [word, code as T])),
    ...invert(fileWords.en[field]),
    ...Object.fromEntries(codes.map((code) => [code, code])),
  });
}

const wouldReturnChoices = choicesFor<WouldReturn>('wouldReturn', wouldReturnValues);
const eligibilityChoices = choicesFor<Eligibility>('eligibility', eligibilityValues);
const consentChoices = choicesFor<ContactConsent>('contactConsent', ['granted', 'withdrawn']);
const leaveReasonChoices = choicesFor<LeaveReason>('leaveReason', leaveReasons);

const splitList = (text: string) =>
  text
    .split(/[,、，;；/／\n]/)
    .map(tidySpaces)
    .filter(Boolean);

/** Reads one file row through the mapping: normalised values for what parsed, an issue for what did not. */
export function readRow(
  headers: string[],
  cells: string[],
  mapping: ColumnMapping,
  customFields: Map<string, CustomFieldDefinition>,
): { values: RowValues; issues: RowIssue[] } {
  const values: RowValues = {};
  const issues: RowIssue[] = [];
  const fail = (column: string, value: string, code: RowIssue['code'], params?: RowIssue['params']) =>
    issues.push({ column, value, code, ...(params ? { params } : {}) });

  headers.forEach((header, index) => {
    const target = mapping[header] ?? 'ignore';
    if (target === 'ignore') return;
    let raw = cells[index] ?? '';
    if (!multiLineTargets.has(target) && (raw.includes('\n') || raw.includes('\r'))) {
      issues.push({
        column: header,
        value: raw,
        code: 'import_line_break_replaced',
        severity: 'warning',
      });
      raw = raw.replace(lineBreak, ' ');
    }
    const text = raw.trim();
    const enumValue = <T extends string>(c: ReturnType<typeof choice<T>>, set: (v: T) => void) => {
      if (!text) return;
      const v = c.read(text);
      if (v) set(v);
      else fail(header, raw, 'field_invalid_value', { value: text, allowed: c.allowed });
    };
    const dateValue = (set: (v: string | null) => void) => {
      if (!text) return set(null);
      const serial = dateFromExcelSerial(text);
      if (serial) return set(serial);
      const date = readJapaneseDate(text);
      if (!date) return fail(header, raw, 'field_invalid_date');
      set(date.iso);
      if (date.outsideEra) {
        issues.push({
          column: header,
          value: raw,
          code: 'import_era_outside',
          severity: 'warning',
          params: { value: text, iso: date.iso, ...date.outsideEra },
        });
      }
    };
    const readingValue = (set: (v: string) => void) => {
      const reading = normaliseReading(text);
      if (isKatakanaReading(reading)) set(reading);
      else fail(header, raw, 'field_invalid_reading');
    };
    switch (target) {
      case 'employeeNumber':
        values.employeeNumber = tidySpaces(text.normalize('NFKC')) || null;
        break;
      case 'fullName': {
        const { family, given } = splitPersonName(text);
        values.familyName = family;
        values.givenName = given;
        break;
      }
      case 'familyName':
        values.familyName = tidySpaces(text);
        break;
      case 'givenName':
        values.givenName = tidySpaces(text);
        break;
      case 'fullNameKana':
        readingValue((reading) => {
          const { family, given } = splitPersonName(reading);
          values.familyNameKana = family;
          values.givenNameKana = given;
        });
        break;
      case 'familyNameKana':
        readingValue((reading) => {
          values.familyNameKana = reading;
        });
        break;
      case 'givenNameKana':
        readingValue((reading) => {
          values.givenNameKana = reading;
        });
        break;
      case 'formerNames':
        values.formerNames = splitList(text);
        break;
      case 'email': {
        if (!text) break;
        const email = normaliseEmail(text);
        if (email) values.email = email;
        else fail(header, raw, 'field_invalid_email');
        break;
      }
      case 'phone': {
        if (!text) {
          values.phone = null;
          break;
        }
        const phone = normalisePhone(text);
        if (phone) values.phone = phone;
        else fail(header, raw, 'field_invalid_phone');
        break;
      }
      case 'joinedOn':
        dateValue((v) => {
          values.joinedOn = v;
        });
        break;
      case 'leftOn':
        dateValue((v) => {
          values.leftOn = v;
        });
        break;
      case 'lastDepartment':
        values.lastDepartment = tidySpaces(text) || null;
        break;
      case 'lastTitle':
        values.lastTitle = tidySpaces(text) || null;
        break;
      case 'leaveReason':
        enumValue(leaveReasonChoices, (v) => {
          values.leaveReason = v;
        });
        break;
      case 'wouldReturn':
        enumValue(wouldReturnChoices, (v) => {
          values.wouldReturn = v;
        });
        break;
      case 'eligibility':
        enumValue(eligibilityChoices, (v) => {
          values.eligibility = v;
        });
        break;
      case 'contactConsent':
        enumValue(consentChoices, (v) => {
          values.contactConsent = v;
        });
        break;
      case 'hrTags':
        values.hrTags = splitList(text);
        break;
      case 'hrNotes':
        values.hrNotes = raw.replace(/\r\n/g, '\n').trim();
        break;
      default: {
        const field = customFields.get(target.slice('custom:'.length));
        if (!field || !text) break;
        const result = coerceCustomValue(field, raw);
        if ('error' in result)
          fail(header, raw, result.error, { value: text, allowed: result.allowed ?? '' });
        else if (result.value !== null)
          values.customFields = { ...values.customFields, [field.key]: result.value };
      }
    }
  });

  const nameColumn = headers.find((h) => mapping[h] === 'fullName' || mapping[h] === 'familyName') ?? null;
  if (!values.familyName) issues.push({ column: nameColumn, value: '', code: 'field_required' });
  if (!values.employeeNumber && !values.email && !issues.some((i) => i.code === 'field_invalid_email')) {
    issues.push({ column: null, value: null, code: 'import_missing_key' });
  }
  return { values, issues };
}
