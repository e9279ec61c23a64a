import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading, Notice } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';

type Invitation = Schemas['Invitation'];

/** Reminders concern only invitations still waiting for an answer; a joined one says when they joined. */
function reminderOf(invitation: Invitation) {
  if (invitation.status !== 'sent' && invitation.status !== 'opened') return null;
  if (invitation.remindedAt) return { key: 'invitations.reminded', at: invitation.remindedAt } as const;
  if (invitation.reminderAt)
    return { key: 'invitations.reminderPlanned', at: invitation.reminderAt } as const;
  return null;
}

export function InvitationsPage() {
  const { t, formatDateTime } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const sent = (useLocation().state as { sent?: number } | null)?.sent;
  const invitations = useQuery({
    queryKey: ['t', slug, 'registry', 'invitations'],
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/invitations', { params: { path: { slug } }, signal })),
  });
  const list = invitations.data?.invitations;
  const error = invitations.error;
  return (
    <section>
      <h2>{t('invitations.title')}</h2>
      {sent !== undefined && <Notice>{t('invite.sent', { count: sent })}</Notice>}
      <ErrorMessage error={error} />
      {invitations.isPending && <Loading />}
      {list && list.length === 0 && <p className="muted">{t('invitations.empty')}</p>}
      <ul className="list">
        {list?.map((inv) => (
          <li key={inv.id} className="list-row">
            <div>
              <strong>{inv.name}</strong> <span className="muted small">{inv.email}</span>
              <p className="muted small">
                {t('invitations.sentAt')} {formatDateTime(inv.sentAt)}
                {inv.openedAt && ` ・ ${t('invitations.openedAt')} ${formatDateTime(inv.openedAt)}`}
                {inv.joinedAt && ` ・ ${t('invitations.joinedAt')} ${formatDateTime(inv.joinedAt)}`}
                {reminderOf(inv) && ` ・ ${t(reminderOf(inv)!.key)} ${formatDateTime(reminderOf(inv)!.at)}`}
              </p>
            </div>
            <span className="badge">{t(`invitation.status.${inv.status}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
