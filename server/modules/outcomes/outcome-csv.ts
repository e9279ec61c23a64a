import type { Locale } from '../../platform/i18n/messages.js';
import {
  type SpreadsheetCell,
  type SpreadsheetEncoding,
  type SpreadsheetRow,
  writeSpreadsheetCsv,
} from '../../platform/spreadsheet/write-spreadsheet-csv.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { Periods } from './period.js';
import { auditOutcomesExported, type OutcomeSection } from './policies.js';
import type { PeopleCount } from './privacy.js';

/** The words the screen shows for a hidden count: a file holds nothing the dashboard does not. */
const hiddenWord = { ja: '5人未満', en: 'Fewer than 5' } as const;

/** A count of people as the dashboard writes it: the number, or 5人未満 (never the number) when hidden. */
export function peopleCell(count: PeopleCount, locale: Locale): SpreadsheetCell {
  return count.hidden || count.value === null ? hiddenWord[locale] : count.value;
}

/** A share (0.125) as the dashboard writes it (12.5%); empty when there is none. */
export function shareCell(share: number | null): SpreadsheetCell {
  return share === null ? null : `${Math.round(share * 1000) / 10}%`;
}

export type OutcomeCsvOptions = { encoding: SpreadsheetEncoding; locale: Locale };

/**
 * Every 成果 CSV: written through the spreadsheet module (BOM or CP932, formula-safe) and logged with
 * its section, period, row count and encoding, so a file found outside the company can be traced.
 */
export async function writeOutcomeCsv(
  ctx: TenantServiceContext,
  input: {
    section: OutcomeSection;
    periods: Periods;
    columns: readonly string[];
    rows: SpreadsheetRow[];
    encoding: SpreadsheetEncoding;
    audit?: Record<string, unknown>;
  },
) {
  const file = await writeSpreadsheetCsv({
    columns: input.columns,
    rows: input.rows,
    encoding: input.encoding,
  });
  await auditOutcomesExported(
    ctx,
    input.section,
    input.periods,
    { rows: file.summary.rows, encoding: input.encoding },
    input.audit,
  );
  return file;
}

/** outcomes-activity-2026-12-01.csv, with -sjis for the CP932 file so both can sit in one folder. */
export function outcomeFileName(name: string, from: string, encoding: SpreadsheetEncoding): string {
  return `${name}-${from}${encoding === 'cp932' ? '-sjis' : ''}.csv`;
}
