import { allValues, type Schemas } from '../../app/api/types';
import type { Translate } from '../../app/i18n';

export type AuditAction = Schemas['AuditEvent']['action'];
export type AuditTargetType = Schemas['AuditEvent']['targetType'];

/**
 * Every action the server can write, in the order the filter offers them. Checked against the
 * server's list both ways by the typecheck; each has a name in both catalogues (audit-labels.test.ts).
 */
export const auditActionList = allValues<AuditAction>()([
  'record.viewed',
  'registry.exported',
  'registry.import_uploaded',
  'registry.import_applied',
  'records.bulk_tag',
  'records.bulk_untag',
  'records.bulk_exclude',
  'segment.created',
  'segment.updated',
  'invitations.sent',
  'invitation.accepted',
  'invitation.declined',
  'join_request.received',
  'join_request.approved',
  'join_request.dismissed',
  'join_request.refused',
  'referral.created',
  'referral.approved',
  'referral.dismissed',
  'referral.refused',
  'member.added',
  'member.updated',
  'member.removed',
  'post.deleted',
  'comment.deleted',
  'moderation.post_hidden',
  'moderation.post_published',
  'moderation.comment_hidden',
  'moderation.comment_published',
  'moderation.message_hidden',
  'moderation.message_published',
  'moderation.member_suspended',
  'moderation.report_dismissed',
  'moderation.word_added',
  'moderation.word_removed',
  'news.article_created',
  'news.article_updated',
  'news.article_scheduled',
  'news.article_unscheduled',
  'news.article_published',
  'news.article_deleted',
  'news.category_created',
  'news.category_renamed',
  'survey.created',
  'survey.updated',
  'survey.opened',
  'survey.closed',
  'survey.exported',
  'tenant.created',
  'tenant.settings_changed',
  'opportunity.created',
  'opportunity.status_changed',
  'opportunity.announced',
  'candidate.stage_changed',
  'candidates.exported',
  'record.rehired',
  'career_chat.slot_published',
  'career_chat.slot_cancelled',
  'career_chat.booked',
  'career_chat.booking_cancelled',
]);

export const actionLabel = (t: Translate, action: AuditAction) => t(`audit.action.${action}`);
export const targetTypeLabel = (t: Translate, type: AuditTargetType) => t(`audit.targetType.${type}`);
