import { recordAudit } from '../../platform/audit.js';
import { conflict } from '../../platform/errors.js';
import { deliver } from '../programmes/delivery/deliver.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { isAcceptingAnswers, loadSurvey } from './load-survey.js';
import { surveyMail } from './survey-mail.js';

/**
 * Staff ask the survey's audience to answer: members in the app and by e-mail, records that have not
 * joined (if the audience includes them) by a single-use link; e-mail only with contact consent. Each
 * person is asked once per survey (the delivery key), so sending again reaches only those added since.
 */
export async function sendSurvey(ctx: TenantServiceContext, id: string) {
  const survey = await loadSurvey(ctx, id, { forUpdate: true });
  if (!isAcceptingAnswers(survey)) throw conflict('survey_closed');
  const result = await deliver(ctx, {
    programme: { kind: 'survey', id: survey.id },
    spec: survey.audience,
    purpose: 'company_contact',
    channels: ['inApp', 'email'],
    notification: {
      kind: 'survey_invited',
      targetType: 'survey',
      targetId: survey.id,
      data: { title: survey.texts.title.ja },
    },
    mail: surveyMail(ctx.tenant, survey, null),
    survey: { id: survey.id },
  });
  const sent = { inApp: result.inApp.delivered, email: result.email.queued };
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'survey.sent',
    targetType: 'survey',
    targetId: survey.id,
    data: sent,
    ipAddress: ctx.ipAddress,
  });
  return sent;
}
