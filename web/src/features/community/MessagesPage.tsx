import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { isStaffRole, type Role } from '../../app/session';
import { ErrorMessage, Loading } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';

/** My conversations, and the way to a private talk with the company. */
export function MessagesPage() {
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const { slug, home } = useCommunity();
  const queryClient = useQueryClient();
  const { data: list, error: loadError } = useQuery({
    queryKey: communityKeys.conversations(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/conversations', { params: { path: { slug } }, signal })),
    staleTime: 0,
  });
  const [writeError, setError] = useState<unknown>(null);
  const error = writeError ?? loadError;
  const talkToCompany = async () => {
    try {
      const opened = await call(
        client.POST('/v1/t/{slug}/community/conversations', { params: { path: { slug } }, body: {} }),
      );
      await queryClient.invalidateQueries({ queryKey: communityKeys.conversations(slug) });
      navigate(`/t/${slug}/messages/${opened.id}`);
    } catch (caught) {
      setError(caught);
    }
  };
  if (!list) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <section>
      <h1>{t('messages.title')}</h1>
      <ErrorMessage error={error} />
      <div className="card">
        <p>{t('messages.companyIntro')}</p>
        <button type="button" className="secondary" onClick={talkToCompany}>
          {t('messages.talkToCompany')}
        </button>
        {isStaffRole(home.member.role as Role) && (
          <p>
            <Link to={`/t/${slug}/inbox`}>
              {t('messages.inbox')}
              {list.unread.companyInbox > 0 && <span className="badge warn">{list.unread.companyInbox}</span>}
            </Link>
          </p>
        )}
      </div>
      {list.conversations.length === 0 && <p className="muted">{t('messages.none')}</p>}
      <ul className="people">
        {list.conversations.map((c) => (
          <li key={c.id} className="person">
            <div>
              <Link to={`/t/${slug}/messages/${c.id}`} className="person-name">
                {c.kind === 'company' ? t('messages.withCompany') : c.title}
              </Link>
              {c.unread && <span className="badge warn">{t('messages.unread')}</span>}
              {c.lastMessage && <p className="small muted">{c.lastMessage.slice(0, 80)}</p>}
              {c.lastMessageAt && <p className="small muted">{formatDateTime(c.lastMessageAt)}</p>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
