import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { shouldRetry } from './query';

const problem = (status: number) => new ApiError({ status, code: 'x', title: 'x' });

describe('retrying failed reads', () => {
  it('never retries a 4xx answer, which would be the same again', () => {
    for (const status of [400, 401, 403, 404, 409, 422])
      expect({ status, retry: shouldRetry(0, problem(status)) }).toEqual({ status, retry: false });
  });

  it('retries network failures, 5xx, 408 and 429 twice at most', () => {
    for (const error of [
      new TypeError('Failed to fetch'),
      problem(500),
      problem(503),
      problem(408),
      problem(429),
    ]) {
      expect(shouldRetry(0, error)).toBe(true);
      expect(shouldRetry(1, error)).toBe(true);
      expect(shouldRetry(2, error)).toBe(false);
    }
  });
});
