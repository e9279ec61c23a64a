/** Dates as Japanese HR systems and Excel write them, read into ISO yyyy-mm-dd. */

const eras: Record<string, { start: number; first: [number, number] }> = {
  令和: { start: 2019, first: [5, 1] },
  平成: { start: 1989, first: [1, 8] },
  昭和: { start: 1926, first: [12, 25] },
  大正: { start: 1912, first: [7, 30] },
  明治: { start: 1868, first: [1, 25] },
};
const eraNamesEn: Record<string, string> = {
  令和: 'Reiwa',
  平成: 'Heisei',
  昭和: 'Showa',
  大正: 'Taisho',
  明治: 'Meiji',
};
/** Newest first, with the first day of each era as ISO, so the era of a date is the first that began by then. */
const eraStarts = Object.entries(eras).map(([name, info]) => ({
  name,
  start: info.start,
  firstDay: `${info.start}-${String(info.first[0]).padStart(2, '0')}-${String(info.first[1]).padStart(2, '0')}`,
}));
const eraLetters: Record<string, string> = { r: '令和', h: '平成', s: '昭和', t: '大正', m: '明治' };

const western = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u;
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const japaneseEra =
  /^(令和|平成|昭和|大正|明治|[rhstm])\s*(元|\d{1,2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$/iu;

function isoIfValid(year: number, month: number, day: number): string | null {
  if (year < 1868 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The era a date falls in, as written on Japanese forms (令和元年5月1日) and in English (Reiwa 1). */
export function eraDateOf(iso: string): { era: string; ja: string; en: string } | null {
  const era = eraStarts.find((e) => e.firstDay <= iso);
  if (!era) return null;
  const year = Number(iso.slice(0, 4)) - era.start + 1;
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return {
    era: era.name,
    ja: `${era.name}${year === 1 ? '元' : year}年${month}月${day}日`,
    en: `${eraNamesEn[era.name]} ${year}`,
  };
}

export type ReadDate = {
  iso: string;
  /** Set when an era date lies outside its era (H31.5.1, R1.4.30): the era it really falls in. */
  outsideEra?: { written: string; writtenEn: string; actual: string; actualEn: string };
};

/**
 * Reads 2023-04-01, 2023/4/1, 2023年4月1日, ２０２３－０４－０１, 20230401, 令和5年4月1日, 令和元年5月1日
 * and R5.4.1 (also H, S, T, M). An era date past its era's end or before its start (H31.5.1, S64.1.8,
 * H1.1.7, R1.4.30: HR systems keep printing the old era after a change) is read by counting years
 * from the era's first year, and says which era the day really falls in. Null for anything that is
 * not a real calendar date.
 */
export function readJapaneseDate(input: string): ReadDate | null {
  const text = input.normalize('NFKC').trim();
  if (!text) return null;
  const plain = western.exec(text) ?? compact.exec(text);
  if (plain) {
    const iso = isoIfValid(Number(plain[1]), Number(plain[2]), Number(plain[3]));
    return iso ? { iso } : null;
  }
  const era = japaneseEra.exec(text);
  if (!era) return null;
  const name = eraLetters[era[1]!.toLowerCase()] ?? era[1]!;
  const info = eras[name];
  if (!info) return null;
  const eraYear = era[2] === '元' ? 1 : Number(era[2]);
  if (eraYear < 1) return null;
  const iso = isoIfValid(info.start + eraYear - 1, Number(era[3]), Number(era[4]));
  if (!iso) return null;
  const actual = eraDateOf(iso);
  if (!actual) return null; // before Meiji: no era the file could mean
  if (actual.era === name) return { iso };
  return {
    iso,
    outsideEra: { written: name, writtenEn: eraNamesEn[name]!, actual: actual.ja, actualEn: actual.en },
  };
}

/** The ISO date of a written date (see readJapaneseDate), or null. */
export function parseJapaneseDate(input: string): string | null {
  return readJapaneseDate(input)?.iso ?? null;
}

// Excel counts days from 1899-12-30 (for every date after February 1900). Serials are accepted for
// 1950-01-01 (18264) to 2099-12-31 (73050): joining and leaving dates of living people, and never a
// plausible employee number or amount in a date column.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
export const excelSerialRange = { first: 18264, last: 73050 } as const;
const excelSerial = /^(\d{5})(?:\.0+)?$/;

/** A date column that Excel wrote as its day number (45016 → 2023-04-01), within excelSerialRange. */
export function dateFromExcelSerial(input: string): string | null {
  const match = excelSerial.exec(input.normalize('NFKC').trim());
  if (!match) return null;
  const serial = Number(match[1]);
  if (serial < excelSerialRange.first || serial > excelSerialRange.last) return null;
  return isoFromDate(new Date(EXCEL_EPOCH_MS + serial * 86_400_000));
}

/** A Date from a spreadsheet cell, read in UTC so the calendar day does not shift with the server's zone. */
export function isoFromDate(value: Date): string | null {
  if (Number.isNaN(value.getTime())) return null;
  return isoIfValid(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}
