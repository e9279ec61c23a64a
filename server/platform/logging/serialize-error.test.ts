import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../boot.js';
import { accounts } from '../../db/schema/index.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { appErrorFromDatabase } from '../http/database-errors.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function failingInsert(email: string, displayName: string): Promise<unknown> {
  try {
    await server.deps.database.db.insert(accounts).values({ email, displayName });
  } catch (error) {
    return error;
  }
  throw new Error('the insert was expected to fail');
}

function captured() {
  const lines: string[] = [];
  const logger = createLogger({ logLevel: 'info' }, { write: (line: string) => lines.push(line) });
  return { logger, text: () => lines.join('') };
}

describe('what the log may say about a failed query', () => {
  it('keeps the query and the database codes, never its parameters or the row values', async () => {
    await server.deps.database.db
      .insert(accounts)
      .values({ email: 'tanaka.hanako@example.jp', displayName: '田中 花子' });
    const duplicate = await failingInsert('tanaka.hanako@example.jp', '田中 花子（旧姓 佐藤）');
    const badText = await failingInsert('sato.ichiro@example.jp', '佐藤\u0000一郎');
    const log = captured();
    log.logger.error({ err: duplicate }, 'unhandled error');
    log.logger.warn({ err: badText }, 'database refused the request');
    const text = log.text();
    expect(text).toContain('23505');
    expect(text).toContain('accounts_email_unique');
    expect(text).toContain('insert into \\"accounts\\"');
    for (const value of ['tanaka.hanako', '田中', '旧姓', 'sato.ichiro', '佐藤', 'params']) {
      expect(text).not.toContain(value);
    }
  });

  it('keeps ordinary errors as they are, with their stack', () => {
    const log = captured();
    log.logger.error({ err: new TypeError('boom') }, 'unhandled error');
    const entry = JSON.parse(log.text()) as { err: { type: string; message: string; stack: string } };
    expect(entry.err).toMatchObject({ type: 'TypeError', message: 'boom' });
    expect(entry.err.stack).toMatch(/^TypeError: boom\n\s+at /);
  });
});

describe('what the client hears about a refused query', () => {
  it('a unique violation is 409 (with the message of its constraint where there is one), bad text 422', async () => {
    await server.deps.database.db
      .insert(accounts)
      .values({ email: 'kimura@example.jp', displayName: '木村' });
    const duplicate = appErrorFromDatabase(await failingInsert('kimura@example.jp', '木村'));
    expect({ status: duplicate?.status, code: duplicate?.code }).toEqual({
      status: 409,
      code: 'already_exists',
    });
    const nul = appErrorFromDatabase(await failingInsert('nul@example.jp', 'a\u0000b'));
    expect({ status: nul?.status, code: nul?.code }).toEqual({ status: 422, code: 'validation_failed' });
    const slug = appErrorFromDatabase(
      Object.assign(new Error('dup'), { code: '23505', constraint: 'tenants_slug_unique' }),
    );
    expect(slug?.code).toBe('slug_taken');
    expect(appErrorFromDatabase(new Error('No values to set'))?.code).toBe('nothing_to_change');
    expect(appErrorFromDatabase(new Error('connection refused'))).toBeNull();
  });
});
