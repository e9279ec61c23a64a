/** The dashboard's period choice, kept in the address so a reload, a CSV link and the report use it. */
export const periodKinds = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** Japan days, `to` exclusive, exactly as the API takes them. */
export type PeriodRange = { from: string; to: string };
export type PeriodChoice = PeriodRange & { kind: PeriodKind; compare: boolean };

const tokyoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const iso = (year: number, monthIndex: number, day = 1) =>
  new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

/** The day after an ISO date, or before it with -1: the API's exclusive end and the picker's last day. */
export function shiftDay(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** This month, quarter or year in Japan, up to its end (the figures so far). */
export function presetRange(kind: Exclude<PeriodKind, 'custom'>, now = new Date()): PeriodRange {
  const [year, month] = tokyoDay.format(now).split('-').map(Number) as [number, number];
  const monthIndex = month - 1;
  if (kind === 'month') return { from: iso(year, monthIndex), to: iso(year, monthIndex + 1) };
  if (kind === 'quarter') {
    const first = monthIndex - (monthIndex % 3);
    return { from: iso(year, first), to: iso(year, first + 3) };
  }
  return { from: iso(year, 0), to: iso(year + 1, 0) };
}

const isDay = (value: string | null): value is string =>
  !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export function periodFromParams(params: URLSearchParams, now = new Date()): PeriodChoice {
  const compare = params.get('compare') !== '0';
  const kind = params.get('period');
  const from = params.get('from');
  const to = params.get('to');
  if (kind === 'custom' && isDay(from) && isDay(to)) return { kind, from, to, compare };
  const preset = kind === 'quarter' || kind === 'year' ? kind : 'month';
  return { kind: preset, ...presetRange(preset, now), compare };
}

export function periodParams(choice: PeriodChoice): Record<string, string> {
  return {
    period: choice.kind,
    ...(choice.kind === 'custom' ? { from: choice.from, to: choice.to } : {}),
    ...(choice.compare ? {} : { compare: '0' }),
  };
}
