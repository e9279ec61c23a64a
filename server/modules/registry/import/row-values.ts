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

type Choice<T extends string> = ReturnType<typeof choice<T>>;

// Readers for one cell, at module level: a closure made per cell costs more than the reading itself
// over a file of 100,000 rows. Each returns undefined (and notes an issue) when the text does not parse.

function readChoice<T extends string>(
  choices: Choice<T>,
  header: string,
  raw: string,
  text: string,
  issues: RowIssue[],
): T | undefined {
  if (!text) return undefined;
  const value = choices.read(text);
  if (!value)
    issues.push({
      column: header,
      value: raw,
      code: 'field_invalid_value',
      params: { value: text, allowed: choices.allowed },
    });
  return value;
}

function readDate(header: string, raw: string, text: string, issues: RowIssue[]): string | null | undefined {
  if (!text) return null;
  const serial = dateFromExcelSerial(text);
  if (serial) return serial;
  const date = readJapaneseDate(text);
  if (!date) {
    issues.push({ column: header, value: raw, code: 'field_invalid_date' });
    return undefined;
  }
  if (date.outsideEra) {
    issues.push({
      column: header,
      value: raw,
      code: 'import_era_outside',
      severity: 'warning',
      params: { value: text, iso: date.iso, ...date.outsideEra },
    });
  }
  return date.iso;
}

function readReading(header: string, raw: string, text: string, issues: RowIssue[]): string | undefined {
  const reading = normaliseReading(text);
  if (isKatakanaReading(reading)) return reading;
  issues.push({ column: header, value: raw, code: 'field_invalid_reading' });
  return undefined;
}

/** Reads one file row through the mapping: normalised values for what parsed, an issue for what did not. */
export function readRow(
  headers: string[],
  cells: string[],
  mapping: ColumnMapping,
  customFields: Map<string, CustomFieldDefinition>,
): { values: RowValues; issues: RowIssue[] } {
  const values: RowValues = {};
  const issues: RowIssue[] = [];
  for (let index = 0; index < headers.length; index++) {
    const header = headers[index]!;
    const target = mapping[header] ?? 'ignore';
    if (target === 'ignore') continue;
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
      case 'fullNameKana': {
        const reading = readReading(header, raw, text, issues);
        if (reading === undefined) break;
        const { family, given } = splitPersonName(reading);
        values.familyNameKana = family;
        values.givenNameKana = given;
        break;
      }
      case 'familyNameKana': {
        const reading = readReading(header, raw, text, issues);
        if (reading !== undefined) values.familyNameKana = reading;
        break;
      }
      case 'givenNameKana': {
        const reading = readReading(header, raw, text, issues);
        if (reading !== undefined) values.givenNameKana = reading;
        break;
      }
      case 'formerNames':
        values.formerNames = splitList(text);
        break;
      case 'email': {
        if (!text) break;
        const email = normaliseEmail(text);
        if (email) values.email = email;
        else issues.push({ column: header, value: raw, code: 'field_invalid_email' });
        break;
      }
      case 'phone': {
        if (!text) {
          values.phone = null;
          break;
        }
        const phone = normalisePhone(text);
        if (phone) values.phone = phone;
        else issues.push({ column: header, value: raw, code: 'field_invalid_phone' });
        break;
      }
      case 'joinedOn': {
        const date = readDate(header, raw, text, issues);
        if (date !== undefined) values.joinedOn = date;
        break;
      }
      case 'leftOn': {
        const date = readDate(header, raw, text, issues);
        if (date !== undefined) values.leftOn = date;
        break;
      }
      case 'lastDepartment':
        values.lastDepartment = tidySpaces(text) || null;
        break;
      case 'lastTitle':
        values.lastTitle = tidySpaces(text) || null;
        break;
      case 'leaveReason': {
        const value = readChoice(leaveReasonChoices, header, raw, text, issues);
        if (value) values.leaveReason = value;
        break;
      }
      case 'wouldReturn': {
        const value = readChoice(wouldReturnChoices, header, raw, text, issues);
        if (value) values.wouldReturn = value;
        break;
      }
      case 'eligibility': {
        const value = readChoice(eligibilityChoices, header, raw, text, issues);
        if (value) values.eligibility = value;
        break;
      }
      case 'contactConsent': {
        const value = readChoice(consentChoices, header, raw, text, issues);
        if (value) values.contactConsent = value;
        break;
      }
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
          issues.push({
            column: header,
            value: raw,
            code: result.error,
            params: { value: text, allowed: result.allowed ?? '' },
          });
        else if (result.value !== null)
          values.customFields = { ...values.customFields, [field.key]: result.value };
      }
    }
  }

  const nameColumn = headers.find((h) => mapping[h] === 'fullName' || mapping[h] === 'familyName') ?? null;
  if (!values.familyName) issues.push({ column: nameColumn, value: '', code: 'field_required' });
  if (!values.employeeNumber && !values.email && !issues.some((i) => i.code === 'field_invalid_email')) {
    issues.push({ column: null, value: null, code: 'import_missing_key' });
  }
  return { values, issues };
}
