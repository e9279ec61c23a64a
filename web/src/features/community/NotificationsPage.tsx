import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';

type Notification = Schemas['Notification'];

/** Where each kind of notice leads, under `/t/<slug>/`. */
const targetPath: Record<Notification['target']['type'], string> = {
  post: 'posts',
  conversation: 'messages',
  group: 'groups',
  article: 'news',
  opportunity: 'opportunities',
  event: 'events',
  proposal: 'proposals',
  survey: 'surveys',
};

/** The bell: what concerns me, newest first. Opening the page marks everything read. */
export function NotificationsPage() {
  const { t, formatDateTime } = useI18n();
  const { slug } = useCommunity();
  const queryClient = useQueryClient();
  const { data, error } = useQuery({
    queryKey: communityKeys.notifications(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/notifications', { params: { path: { slug } }, signal })),
    staleTime: 0,
  });
  const items = data?.notifications;
  const hasUnread = Boolean(items?.some((n) => !n.read));
  useEffect(() => {
    // Opening the page marks everything read; the bell's badge follows.
    if (!hasUnread) return;
    call(
      client.POST('/v1/t/{slug}/community/notifications/read', { params: { path: { slug } }, body: {} }),
    ).then(
      () => queryClient.invalidateQueries({ queryKey: communityKeys.unreadNotifications(slug) }),
      () => undefined,
    );
  }, [hasUnread, slug, queryClient]);
  const linkOf = (n: Notification) => `/t/${slug}/${targetPath[n.target.type]}/${n.target.id}`;
  if (!items) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <section>
      <h1>{t('notifications.title')}</h1>
      {items.length === 0 && <p className="muted">{t('notifications.none')}</p>}
      <ul className="people">
        {items.map((n) => (
          <li key={n.id} className={`person${n.read ? '' : ' unread'}`}>
            <div>
              <Link to={linkOf(n)}>
                {t(`notifications.${n.kind}`, {
                  actor: n.actor ?? '',
                  group: n.data.group ?? '',
                  reason: n.data.reason ?? '',
                  title: n.data.title ?? '',
                })}
              </Link>
              {n.data.snippet && <p className="small muted">「{n.data.snippet}」</p>}
              <p className="small muted">
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
