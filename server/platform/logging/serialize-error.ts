type SerializedError = {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  query?: string;
  cause?: SerializedError;
};

// What a database error may say in a log. Its parameters, `detail` ("Key (email)=(…)") and `where`
// hold the names and addresses people entered, so they never leave the process.
const databaseFields = ['code', 'constraint', 'table', 'column', 'routine', 'query'] as const;

/** Drizzle writes its parameters into the message: "Failed query: …\nparams: …". */
function withoutParameters(message: string): string {
  const at = message.indexOf('\nparams:');
  return at === -1 ? message : message.slice(0, at);
}

/**
 * Errors as the logger writes them: type, message, stack frames and the database's own codes, with
 * every SQL parameter and row value left out (pino's default copies every property, params included).
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error).slice(0, 200) };
  const message = withoutParameters(error.message);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const serialized: SerializedError = {
    type: error.constructor?.name ?? error.name,
    message,
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
  };
  const fields = error as unknown as Record<string, unknown>;
  for (const field of databaseFields) {
    const value = fields[field];
    if (typeof value === 'string' && value !== '') serialized[field] = value;
  }
  if (error.cause !== undefined && depth < 3) serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}
