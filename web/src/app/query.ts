import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

/**
 * Whether a failed read is worth trying again: a 4xx answer (not signed in, not allowed, not found,
 * bad input) will be the same next time, so it is shown at once; a network failure or a 5xx is
 * retried twice. 408 and 429 are the exceptions that may pass.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (error instanceof ApiError) {
    const { status } = error.problem;
    if (status >= 400 && status < 500) return status === 408 || status === 429;
  }
  return true;
}

/** One cache of server state for the whole app. Writes invalidate what they change (see the mutations). */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
