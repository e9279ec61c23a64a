import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from './community-context';

type InboxThread = {
  id: string;
  member: string;
  lastMessage: string | null;
  lastMessageAt: string | null;
  unread: boolean;
};

/** The company's shared inbox: members' private threads, unanswered first (owners and HR). */
export function InboxPage() {
  const { t, formatDateTime } = useI18n();
  const { slug } = useCommunity();
  const [threads, setThreads] = useState<InboxThread[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ threads: InboxThread[] }>('GET', `/t/${slug}/community/inbox`).then(
      (r) => setThreads(r.threads),
      setError,
    );
  }, [slug]);
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
