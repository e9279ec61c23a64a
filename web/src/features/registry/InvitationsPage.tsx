import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useDeskWidth } from '../../app/desk';
import { DeskTable, SortHeader, useRowNavigation } from '../../app/desk-table';
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
  const { t, locale, formatDateTime } = useI18n();
  const desk = useDeskWidth();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const sent = (useLocation().state as { sent?: number } | null)?.sent;
  const invitations = useQuery({
    queryKey: ['t', slug, 'registry', 'invitations'],
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/invitations', { params: { path: { slug } }, signal })),
  });
  const list = invitations.data?.invitations;
  const { bodyProps, rowProps } = useRowNavigation(list ?? []);
  const error = invitations.error;
  return (
    <section className="wide">
      <h2>{t('invitations.title')}</h2>
      {sent !== undefined && <Notice>{t('invite.sent', { count: sent })}</Notice>}
      <ErrorMessage error={error} />
      {invitations.isPending && <Loading />}
      {list && list.length === 0 && <p className="muted">{t('invitations.empty')}</p>}
      {desk && list && list.length > 0 && (
        <DeskTable
          caption={t('invitations.caption', { count: list.length.toLocaleString(locale) })}
          keys={t('invitations.table.keys')}
        >
          <thead>
            <tr>
              <th scope="col">{t('invitations.column.name')}</th>
              <th scope="col">{t('invitations.column.email')}</th>
              <th scope="col">{t('invitations.column.status')}</th>
              {/* The server lists the newest sent first; the header marks that fixed order. */}
              <SortHeader label={t('invitations.sentAt')} direction="descending" on />
              <th scope="col">{t('invitations.openedAt')}</th>
              <th scope="col">{t('invitations.joinedAt')}</th>
              <th scope="col">{t('invitations.column.reminder')}</th>
            </tr>
          </thead>
          <tbody {...bodyProps}>
            {list.map((inv, index) => {
              const reminder = reminderOf(inv);
              return (
                <tr key={inv.id} {...rowProps(index)}>
                  <th scope="row">{inv.name}</th>
                  <td>{inv.email}</td>
                  <td>
                    <span className="badge">{t(`invitation.status.${inv.status}`)}</span>
                  </td>
                  <td>{formatDateTime(inv.sentAt)}</td>
                  <td>{inv.openedAt ? formatDateTime(inv.openedAt) : ''}</td>
                  <td>{inv.joinedAt ? formatDateTime(inv.joinedAt) : ''}</td>
                  <td>{reminder ? `${t(reminder.key)} ${formatDateTime(reminder.at)}` : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </DeskTable>
      )}
      {!desk && (
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
      )}
    </section>
  );
}
