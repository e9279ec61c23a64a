import { z } from 'zod';
import { type FieldError, invalid } from '../errors.js';
import { isMessageKey, type MessageKey } from '../i18n/messages.js';

// Zod reports issues in English; we keep only a message key here and translate per request.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'field_required' : 'field_invalid_type';
      case 'too_small':
        return issue.origin === 'string' || issue.origin === 'array' ? 'field_too_short' : 'field_too_small';
      case 'too_big':
        return issue.origin === 'string' || issue.origin === 'array' ? 'field_too_long' : 'field_too_big';
      case 'invalid_format':
        return issue.format === 'email' ? 'field_invalid_email' : 'field_invalid_format';
      case 'invalid_value':
        return 'field_invalid_option';
      case 'unrecognized_keys':
        return 'field_unknown';
      default:
        return 'field_invalid_format';
    }
  },
});

export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const code: MessageKey = isMessageKey(issue.message) ? issue.message : 'field_invalid_format';
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, code }));
    }
    const params: Record<string, string | number> = {};
    if (issue.code === 'too_small') params.min = Number(issue.minimum);
    if (issue.code === 'too_big') params.max = Number(issue.maximum);
    return [{ path, code, params }];
  });
}

export function validationError(error: z.ZodError) {
  return invalid(fieldErrorsFromZod(error));
}
