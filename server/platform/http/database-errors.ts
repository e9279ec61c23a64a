import { AppError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';

/** What a unique constraint protects, said the way the person who hit it understands it. */
const duplicateMessages: Record<string, MessageKey> = {
  tenants_slug_unique: 'slug_taken',
  memberships_tenant_account_key: 'member_exists',
  alumni_records_employee_number_key: 'record_employee_number_taken',
  custom_field_definitions_key: 'custom_field_key_taken',
  segments_name_key: 'segment_name_taken',
  import_templates_name_key: 'template_name_taken',
  moderation_words_word_key: 'word_exists',
};

type DatabaseFault = { code: string; constraint?: string };

/** The PostgreSQL error behind an error, through Drizzle's wrapper (`cause`) if there is one. */
function databaseFault(error: unknown): DatabaseFault | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, ...(typeof constraint === 'string' ? { constraint } : {}) };
    }
  }
  return null;
}

/**
 * Database refusals caused by what was sent or by a concurrent request, as the 4xx they are. Services
 * check first and answer precisely; this is the one place that catches what a check cannot see, such
 * as two requests creating the same unique thing at once (the loser gets 409, not 500).
 */
export function appErrorFromDatabase(error: unknown): AppError | null {
  // Drizzle refuses an UPDATE with nothing to set before it reaches the database.
  if (error instanceof Error && error.message === 'No values to set')
    return new AppError(422, 'nothing_to_change');
  const fault = databaseFault(error);
  if (!fault) return null;
  if (fault.code === '23505') {
    return new AppError(409, (fault.constraint && duplicateMessages[fault.constraint]) || 'already_exists');
  }
  // What the request referred to does not exist (or was removed meanwhile).
  if (fault.code === '23503') return new AppError(404, 'not_found');
  // Serialisation failures and deadlocks: a concurrent request won.
  if (fault.code === '40001' || fault.code === '40P01') return new AppError(409, 'changed_meanwhile');
  // Class 22 (data exception: bad text encoding, out-of-range numbers or dates, too long) and
  // check or not-null violations come from values the request carried.
  if (fault.code.startsWith('22') || fault.code === '23514' || fault.code === '23502') {
    return new AppError(422, 'validation_failed');
  }
  return null;
}
