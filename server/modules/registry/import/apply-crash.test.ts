import { describe, expect, it } from 'vitest';
import { TestClient } from '../../../test/client.js';
import {
  createSignedInNetwork,
  deferCleanups,
  exitWithin,
  killHard,
  prepareProcessDatabase,
  type ServerProcess,
  startServerProcess,
} from '../../../test/process-harness.js';

const defer = deferCleanups();

const ROWS = 5_000;
// The first server stops inside the apply's transaction, with every row written but not committed.
const BEFORE_COMMIT = 'registry.import.apply.before-commit';

/** A database with a network whose owner has a session. */
function prepareDatabase() {
  return prepareProcessDatabase(defer, (enishi) =>
    enishi.deps.database.db.transaction((tx) =>
      createSignedInNetwork(tx, 'crash', { ja: '障害試験株式会社', en: 'Crash Test' }),
    ),
  );
}

/** The server at debug level, so the test sees jobs start and finish, with the owner signed in. */
async function startServer(env: Record<string, string>, session: string) {
  const server: ServerProcess = await startServerProcess(defer, { ...env, LOG_LEVEL: 'debug' });
  const client = new TestClient({ baseUrl: server.baseUrl });
  client.cookies.set('enishi_session', session);
  return { ...server, client };
}

const jobLine = (queue: string, message: string) => (line: string) =>
  line.includes(`"queue":"${queue}"`) && line.includes(`"msg":"${message}"`);

type Import = { id: string; status: string; mapping: Record<string, string>; counts: { new: number } | null };

describe('an import whose apply is killed', () => {
  it('is applied whole after the restart (within a minute), with nothing half-written before', async () => {
    const { env, seeded, query } = await prepareDatabase();
    const { session, tenantId } = seeded;
    const first = await startServer({ ...env, ENISHI_FAILPOINT: BEFORE_COMMIT }, session);
    const base = '/api/v1/t/crash/registry/imports';
    const lines = ['社員番号,氏名,フリガナ,退職日,個人メールアドレス'];
    for (let i = 1; i <= ROWS; i++) {
      lines.push(`K${String(i).padStart(6, '0')},山田 太郎${i},ヤマダ タロウ,2020/4/1,k${i}@example.jp`);
    }
    const uploaded = await first.client.upload<Import>(
      `${base}?fileName=crash.csv`,
      Buffer.from(lines.join('\n')),
    );
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.id;
    const checked = first.logged(jobLine('registry.import.check', 'job completed'));
    expect((await first.client.post(`${base}/${id}/check`, { mapping: uploaded.body.mapping })).status).toBe(
      202,
    );
    await checked;
    expect((await first.client.get<Import>(`${base}/${id}`)).body.counts).toMatchObject({ new: ROWS });

    // The worker takes the apply and writes everything; the process is killed before the commit,
    // without any chance to clean up.
    const applying = first.logged((line) => line.includes(`failpoint ${BEFORE_COMMIT} reached`));
    expect((await first.client.post(`${base}/${id}/apply`)).status).toBe(202);
    await applying;
    expect(await killHard(first.child)).toBe('SIGKILL');

    // Killed mid-apply: the import still says applying, its job is still taken, and no record was written.
    const [before] = await query(
      `select i.status, (select count(*)::int from alumni_records) as records,
         (select count(*)::int from record_emails) as emails,
         (select state from pgboss.job where name = 'registry.import.apply') as job
       from registry_imports i where i.id = $1`,
      [id],
      { tenantId },
    );
    expect(before).toEqual({ status: 'applying', records: 0, emails: 0, job: 'active' });

    const restartedAt = Date.now();
    const second = await startServer(env, session);
    await second.logged(jobLine('registry.import.apply', 'job completed'));
    expect(Date.now() - restartedAt).toBeLessThan(60_000);
    const imp = (await second.client.get<Import>(`${base}/${id}`)).body;
    expect(imp.status).toBe('applied');
    await second.logged(jobLine('registry.import.cleanup', 'job completed'));
    second.child.kill('SIGTERM');
    await exitWithin(second.child, 30_000);

    const [after] = await query(
      `select (select count(*)::int from alumni_records) as records,
         (select count(distinct employee_number)::int from alumni_records) as numbers,
         (select count(*)::int from record_emails) as emails,
         (select count(*)::int from import_staged) as staged`,
      [],
      { tenantId },
    );
    expect(after).toEqual({ records: ROWS, numbers: ROWS, emails: ROWS, staged: 0 });
  }, 400_000);
});
