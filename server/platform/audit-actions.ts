/**
 * Every action the audit log can hold. `recordAudit` takes only these, so a new kind of event is
 * added here first; the web's catalogues must then name it in Japanese and English
 * (web/src/features/admin/audit-labels.test.ts fails otherwise), and the OpenAPI document lists them.
 */
export const auditActions = [
  'tenant.created',
  'tenant.settings_changed',
  'member.added',
  'member.updated',
  'member.removed',
  'record.viewed',
  'records.bulk_tag',
  'records.bulk_untag',
  'records.bulk_exclude',
  'registry.exported',
  'registry.import_uploaded',
  'registry.import_applied',
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
] as const;

export type AuditAction = (typeof auditActions)[number];

/** What an audit event is about; the log shows the target's name, looked up by type. */
export const auditTargetTypes = [
  'tenant',
  'membership',
  'alumni_record',
  'registry_import',
  'segment',
  'invitation',
  'join_request',
  'referral',
  'post',
  'comment',
  'message',
  'report',
  'moderation_word',
  'news_article',
  'news_category',
] as const;

export type AuditTargetType = (typeof auditTargetTypes)[number];
