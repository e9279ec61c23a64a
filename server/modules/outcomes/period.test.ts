import { describe, expect, it } from 'vitest';
import { fieldErrorsFromZod } from '../../platform/http/validation.js';
import { OutcomePeriodQuerySchema, resolvePeriods } from './period.js';
import { countPeople, MIN_GROUP_SIZE, shareOf } from './privacy.js';

const periods = (from: string, to: string) => resolvePeriods(OutcomePeriodQuerySchema.parse({ from, to }));
const codes = (input: unknown) => {
  const result = OutcomePeriodQuerySchema.safeParse(input);
  return result.success ? [] : fieldErrorsFromZod(result.error).map((error) => `${error.path}:${error.code}`);
};

describe('the dashboard period', () => {
  it('turns Japan days into Japan-midnight bounds, `to` exclusive', () => {
    const { current } = periods('2026-12-01', '2027-01-01');
    expect(current.from.toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(current.to.toISOString()).toBe('2026-12-31T15:00:00.000Z');
    expect([current.fromDate, current.toDate]).toEqual(['2026-12-01', '2027-01-01']);
  });

  it('compares whole months with the same number of months before', () => {
    expect(periods('2026-12-01', '2027-01-01').previous).toMatchObject({
      fromDate: '2026-11-01',
      toDate: '2026-12-01',
    });
    // A quarter across a year end, and a whole year.
    expect(periods('2027-01-01', '2027-04-01').previous).toMatchObject({
      fromDate: '2026-10-01',
      toDate: '2027-01-01',
    });
    expect(periods('2026-01-01', '2027-01-01').previous).toMatchObject({
      fromDate: '2025-01-01',
      toDate: '2026-01-01',
    });
    // March (31 days) with February, not with the 31 days before it.
    expect(periods('2026-03-01', '2026-04-01').previous.fromDate).toBe('2026-02-01');
  });

  it('compares any other period with the same number of days just before it', () => {
    const { current, previous } = periods('2026-12-10', '2026-12-20');
    expect([previous.fromDate, previous.toDate]).toEqual(['2026-11-30', '2026-12-10']);
    expect(previous.to.getTime()).toBe(current.from.getTime());
    expect(previous.to.getTime() - previous.from.getTime()).toBe(
      current.to.getTime() - current.from.getTime(),
    );
  });

  it('refuses unreal dates, a reversed or empty period and one longer than three years', () => {
    expect(codes({ from: '2026-02-30', to: '2026-03-01' })).toEqual(['from:outcomes_period_date']);
    expect(codes({ from: '2026/12/01', to: '2027-01-01' })).toEqual(['from:outcomes_period_date']);
    expect(codes({ from: '2026-12-01', to: '2026-12-01' })).toEqual(['to:outcomes_period_order']);
    expect(codes({ from: '2026-12-02', to: '2026-12-01' })).toEqual(['to:outcomes_period_order']);
    expect(codes({ from: '2020-01-01', to: '2024-01-01' })).toEqual(['to:outcomes_period_too_long']);
    expect(codes({ from: '2023-01-01', to: '2026-01-01' })).toEqual([]);
    expect(codes({ from: '2026-12-01' })).toEqual(['to:field_required']);
  });
});

describe('counts of people', () => {
  it('hides fewer than five people, and any share built on a hidden count', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    expect(countPeople(4)).toEqual({ value: null, hidden: true });
    expect(countPeople(0)).toEqual({ value: null, hidden: true });
    expect(countPeople(5)).toEqual({ value: 5, hidden: false });
    expect(shareOf(countPeople(5), countPeople(8))).toBe(0.625);
    expect(shareOf(countPeople(4), countPeople(8))).toBeNull();
    expect(shareOf(countPeople(6), countPeople(3))).toBeNull();
  });
});
