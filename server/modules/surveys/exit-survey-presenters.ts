import { z } from '@hono/zod-openapi';
import type { Locale } from '../../platform/i18n/messages.js';
import type { ExitLinkState, ExitSurveyView, exitLinkStatus } from './exit-survey-links.js';
import { MemberSurveySchema, presentMemberSurvey } from './presenters.js';

export const ExitLinkStatusSchema = z
  .object({
    /** The exit survey links are made for now (null: none chosen). */
    survey: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    /** The address a link would be mailed to (the record's first), if any. */
    email: z.string().nullable(),
    /** On the exclusion list: a link may be handed over, never mailed. */
    excluded: z.boolean(),
    link: z
      .object({
        state: z.enum(['live', 'expired', 'revoked', 'answered']),
        emailed: z.boolean(),
        createdAt: z.string(),
        expiresAt: z.string(),
        answeredAt: z.string().nullable(),
      })
      .nullable(),
    /** The link itself, only in the answer to making it (only its hash is kept). */
    url: z.string().nullable(),
  })
  .openapi('ExitLinkStatus');

type Status = Awaited<ReturnType<typeof exitLinkStatus>> & {
  link: {
    state: ExitLinkState;
    emailed: boolean;
    createdAt: Date;
    expiresAt: Date;
    answeredAt: Date | null;
  } | null;
};

export function presentExitLinkStatus(
  status: Status,
  url: string | null,
): z.infer<typeof ExitLinkStatusSchema> {
  return {
    survey: status.survey ? { id: status.survey.id, title: status.survey.texts.title.ja } : null,
    email: status.email,
    excluded: status.excluded,
    link: status.link
      ? {
          state: status.link.state,
          emailed: status.link.emailed,
          createdAt: status.link.createdAt.toISOString(),
          expiresAt: status.link.expiresAt.toISOString(),
          answeredAt: status.link.answeredAt?.toISOString() ?? null,
        }
      : null,
    url,
  };
}

export const ExitSurveyPageSchema = z
  .object({
    survey: MemberSurveySchema,
    /** The contact-consent sentence shown beside the survey, and its version (sent back with the answer). */
    consent: z.object({ version: z.string(), text: z.string() }),
  })
  .openapi('ExitSurveyPage');

export function presentExitSurvey(
  view: ExitSurveyView,
  locale: Locale,
): z.infer<typeof ExitSurveyPageSchema> {
  return { survey: presentMemberSurvey(view.mine, locale), consent: view.consent };
}
