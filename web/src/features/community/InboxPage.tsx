import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';

/** The company's shared inbox: members' private threads, unanswered first (owners and HR). */
export function InboxPage() {
  const { t, formatDateTime } = useI18n();
  const { slug } = useCommunity();
  const { data, error } = useQuery({
    queryKey: communityKeys.inbox(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/inbox', { params: { path: { slug } }, signal })),
    staleTime: 0,
  });
  const threads = data?.threads;
  if (!threads) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <section>
      <h1>{t('messages.inbox')}</h1>
      <p className="hint">{t('messages.inboxHint')}</p>
      {threads.length === 0 && <p className="muted">{t('messages.none')}</p>}
      <ul className="people">
        {threads.map((thread) => (
          <li key={thread.id} className="person">
            <div>
              <Link to={`/t/${slug}/inbox/${thread.id}`} className="person-name">
                {thread.member}
              </Link>
              {thread.unread && <span className="badge warn">{t('messages.unanswered')}</span>}
              {thread.lastMessage && <p className="small muted">{thread.lastMessage.slice(0, 80)}</p>}
              {thread.lastMessageAt && <p className="small muted">{formatDateTime(thread.lastMessageAt)}</p>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
