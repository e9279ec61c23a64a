import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { alumniRecords, type WouldReturn } from '../../db/schema/index.js';
import { writeHistory } from '../registry/records.js';
import type { Survey } from './load-survey.js';
import type { StoredAnswers } from './validate-answers.js';

/** The would-return answer a submission gives, if the survey asks it and the answer says yes or no. */
export function wouldReturnAnswer(
  survey: Survey,
  answers: StoredAnswers,
): Exclude<WouldReturn, 'unanswered'> | null {
  const question = survey.questions.find((q) => q.wouldReturn);
  const answer = question ? answers[question.id] : undefined;
  if (!question?.wouldReturn || typeof answer !== 'string') return null;
  if (question.wouldReturn.yes.includes(answer)) return 'yes';
  if (question.wouldReturn.no.includes(answer)) return 'no';
  return null;
}

/**
 * Sets the record's would-return from a named answer (the exit answer "I'd like to come back some day"
 * must never be lost), with history naming the survey, so segments and opportunities see it at once.
 * The record is the one linked to the member, or the one the e-mailed link was made for.
 */
export async function applyWouldReturn(
  tx: Queryable,
  input: {
    tenantId: string;
    survey: Survey;
    answers: StoredAnswers;
    record: { membershipId: string } | { recordId: string };
    actorMembershipId: string | null;
  },
): Promise<void> {
  const value = wouldReturnAnswer(input.survey, input.answers);
  if (!value) return;
  const which =
    'recordId' in input.record
      ? eq(alumniRecords.id, input.record.recordId)
      : eq(alumniRecords.membershipId, input.record.membershipId);
  const records = await tx
    .select({ id: alumniRecords.id, wouldReturn: alumniRecords.wouldReturn })
    .from(alumniRecords)
    .where(and(eq(alumniRecords.tenantId, input.tenantId), which))
    .for('update');
  for (const record of records) {
    if (record.wouldReturn === value) continue;
    await tx
      .update(alumniRecords)
      .set({ wouldReturn: value, updatedAt: new Date() })
      .where(and(eq(alumniRecords.tenantId, input.tenantId), eq(alumniRecords.id, record.id)));
    await writeHistory(tx, {
      tenantId: input.tenantId,
      recordId: record.id,
      actorMembershipId: input.actorMembershipId,
      source: 'survey',
      changes: { wouldReturn: [record.wouldReturn, value], survey: [null, input.survey.texts.title.ja] },
    });
  }
}
