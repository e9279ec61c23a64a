import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Notice } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';

type Invitation = {
  id: string;
  name: string;
  email: string;
  status: 'sent' | 'opened' | 'joined' | 'declined' | 'revoked';
  sentAt: string;
  openedAt: string | null;
  joinedAt: string | null;
  reminderAt: string | null;
  remindedAt: string | null;
};

export function InvitationsPage() {
  const { t, formatDateTime } = useI18n();
  const { tenant } = useConsoleHome();
  const sent = (useLocation().state as { sent?: number } | null)?.sent;
  const [list, setList] = useState<Invitation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ invitations: Invitation[] }>('GET', `/t/${tenant.slug}/registry/invitations`).then(
      (data) => setList(data.invitations),
      setError,
    );
  }, [tenant.slug]);
  return (
    <section>
      <h2>{t('invitations.title')}</h2>
      {sent !== undefined && <Notice>{t('invite.sent', { count: sent })}</Notice>}
      <ErrorMessage error={error} />
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
                {(inv.remindedAt ?? inv.reminderAt) &&
                  ` ・ ${t('invitations.reminder')} ${formatDateTime((inv.remindedAt ?? inv.reminderAt)!)}`}
              </p>
            </div>
            <span className="badge">{t(`invitation.status.${inv.status}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
