import { ApiError } from '../../app/api';

/** The first server message for a field or any item inside it (e.g. `hashtags.2`). */
export function errorWithin(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem.errors?.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
}
