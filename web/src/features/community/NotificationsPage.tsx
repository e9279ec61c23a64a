import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from './community-context';

type Notification = {
  id: string;
  kind:
    | 'comment'
    | 'message'
    | 'company_reply'
    | 'group_request'
    | 'group_approved'
    | 'group_invited'
    | 'post_hidden'
    | 'mention';
  actor: string | null;
  target: { type: 'post' | 'conversation' | 'group'; id: string };
  data: Record<string, string>;
  read: boolean;
  createdAt: string;
};

/** The bell: what concerns me, newest first. Opening the page marks everything read. */
export function NotificationsPage() {
  const { t, formatDateTime } = useI18n();
  const { slug } = useCommunity();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ notifications: Notification[] }>('GET', `/t/${slug}/community/notifications`)
      .then(async (result) => {
        setItems(result.notifications);
        if (result.notifications.some((n) => !n.read))
          await api('POST', `/t/${slug}/community/notifications/read`, {});
      })
      .catch(setError);
  }, [slug]);
  const linkOf = (n: Notification) =>
    n.target.type === 'conversation'
      ? `/t/${slug}/messages/${n.target.id}`
      : n.target.type === 'group'
        ? `/t/${slug}/groups/${n.target.id}`
        : `/t/${slug}/posts/${n.target.id}`;
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
