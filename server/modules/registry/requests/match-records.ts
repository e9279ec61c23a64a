import { and, eq, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { alumniRecords } from '../../../db/schema/index.js';
import { normaliseReading, searchKey } from '../../../platform/japanese/text.js';
import type { RecordRow } from '../record-values.js';
import { withAnyEmail } from '../search-index.js';

export type Claim = {
  email: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  leftYear?: number | null | undefined;
};

const nameKey = (r: { familyName: string; givenName: string }) => searchKey(`${r.familyName}${r.givenName}`);
const readingKey = (r: { familyNameKana: string; givenNameKana: string }) =>
  searchKey(normaliseReading(`${r.familyNameKana}${r.givenNameKana}`));

/**
 * Records that could be the person: same address, or same reading, or same name.
 * Strong means one record by address, or one by name + reading + leave year together.
 */
export async function matchRecords(tx: Queryable, tenantId: string, claim: Claim) {
  const reading = readingKey(claim);
  const name = nameKey(claim);
  const candidates = await tx
    .select()
    .from(alumniRecords)
    .where(
      and(
        eq(alumniRecords.tenantId, tenantId),
        or(
          withAnyEmail(tenantId, [claim.email]),
          reading ? sql`${alumniRecords.searchText} like ${`%${reading}%`}` : undefined,
          name ? sql`${alumniRecords.searchText} like ${`%${name}%`}` : undefined,
        ),
      ),
    )
    .limit(20);
  const byEmail = candidates.filter((r) => r.emails.includes(claim.email));
  const byIdentity = candidates.filter(
    (r) =>
      nameKey(r) === name &&
      readingKey(r) === reading &&
      claim.leftYear !== undefined &&
      claim.leftYear !== null &&
      r.leftOn?.startsWith(String(claim.leftYear)),
  );
  let strong: { record: RecordRow; kind: 'email' | 'name_reading_year' } | null = null;
  if (byEmail.length === 1) strong = { record: byEmail[0]!, kind: 'email' };
  else if (byEmail.length === 0 && byIdentity.length === 1)
    strong = { record: byIdentity[0]!, kind: 'name_reading_year' };
  const ranked = [...byEmail, ...byIdentity, ...candidates].filter(
    (r, i, all) => all.findIndex((x) => x.id === r.id) === i,
  );
  return { strong, candidates: ranked.slice(0, 5) };
}
