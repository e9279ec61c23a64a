/** Dates as Japanese HR systems and Excel write them, read into ISO yyyy-mm-dd. */

const eras: Record<string, { start: number; first: [number, number] }> = {
  令和: { start: 2019, first: [5, 1] },
  平成: { start: 1989, first: [1, 8] },
  昭和: { start: 1926, first: [12, 25] },
  大正: { start: 1912, first: [7, 30] },
  明治: { start: 1868, first: [1, 25] },
};
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

/**
 * Reads 2023-04-01, 2023/4/1, 2023年4月1日, ２０２３－０４－０１, 20230401, 令和5年4月1日, 令和元年5月1日
 * and R5.4.1 (also H, S, T, M). Returns null for anything that is not a real calendar date.
 */
export function parseJapaneseDate(input: string): string | null {
  const text = input.normalize('NFKC').trim();
  if (!text) return null;
  const plain = western.exec(text) ?? compact.exec(text);
  if (plain) return isoIfValid(Number(plain[1]), Number(plain[2]), Number(plain[3]));
  const era = japaneseEra.exec(text);
  if (!era) return null;
  const name = eraLetters[era[1]!.toLowerCase()] ?? era[1]!;
  const info = eras[name];
  if (!info) return null;
  const eraYear = era[2] === '元' ? 1 : Number(era[2]);
  if (eraYear < 1) return null;
  const month = Number(era[3]);
  const day = Number(era[4]);
  if (eraYear === 1 && (month < info.first[0] || (month === info.first[0] && day < info.first[1])))
    return null;
  return isoIfValid(info.start + eraYear - 1, month, day);
}

/** A Date from a spreadsheet cell, read in UTC so the calendar day does not shift with the server's zone. */
export function isoFromDate(value: Date): string | null {
  if (Number.isNaN(value.getTime())) return null;
  return isoIfValid(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}
