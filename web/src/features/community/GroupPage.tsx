import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { Composer } from './Composer';
import { useCommunity } from './community-context';
import { PostList } from './PostList';
import type { Group } from './post-model';
import { usePostPage } from './use-post-page';

type GroupMember = {
  id: string;
  displayName: string;
  role: 'admin' | 'member';
  status: 'active' | 'requested' | 'invited';
};

/** A group: join or leave, its posts and composer for members, and member management for its admins. */
export function GroupPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { slug } = useCommunity();
  const [group, setGroup] = useState<Group | null>(null);
  const [members, setMembers] = useState<GroupMember[]>([]);
  const [error, setError] = useState<unknown>(null);
  const posts = usePostPage(`/t/${slug}/community/groups/${id}/posts`);
  const base = `/t/${slug}/community/groups/${id}`;
  const isMember = group?.membership?.status === 'active';
  const isAdmin = isMember && group?.membership?.role === 'admin';

  const load = useCallback(async () => {
    const next = await api<Group>('GET', base);
    setGroup(next);
    if (next.visibility === 'open' || next.membership?.status === 'active') {
      setMembers((await api<{ members: GroupMember[] }>('GET', `${base}/members`)).members);
    }
  }, [base]);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await load();
      await posts.refreshTop();
    } catch (caught) {
      setError(caught);
    }
  };
  if (error && !group) return <ErrorMessage error={error} />;
  if (!group) return <Loading />;
  return (
    <section>
      <p>
        <Link to={`/t/${slug}/groups`}>← {t('groups.title')}</Link>
      </p>
      <div className="card">
        <h1>{group.name}</h1>
        <p className="muted small">
          {t(`group.visibility.${group.visibility}`)} ・ {t('group.members', { count: group.members })}
        </p>
        {group.description && <p className="prewrap">{group.description}</p>}
        {group.hashtags.length > 0 && (
          <p className="tags">
            {group.hashtags.map((tag) => (
              <Link key={tag.key} to={`/t/${slug}/hashtags/${encodeURIComponent(tag.key)}`}>
                #{tag.label}
              </Link>
            ))}
          </p>
        )}
        <ErrorMessage error={error} />
        {!group.membership && (
          <button type="button" onClick={() => act(() => api('POST', `${base}/join`))}>
            {group.visibility === 'open' ? t('group.join') : t('group.requestToJoin')}
          </button>
        )}
        {group.membership?.status === 'invited' && (
          <button type="button" onClick={() => act(() => api('POST', `${base}/join`))}>
            {t('group.acceptInvitation')}
          </button>
        )}
        {group.membership?.status === 'requested' && <p className="muted">{t('group.status.requested')}</p>}
        {group.membership && (
          <button
            type="button"
            className="link-button"
            onClick={() => act(() => api('DELETE', `${base}/membership`))}
          >
            {isMember ? t('group.leave') : t('group.withdraw')}
          </button>
        )}
      </div>
      {isAdmin && members.some((m) => m.status === 'requested') && (
        <div className="card">
          <h2>{t('group.requests')}</h2>
          <ul className="plain">
            {members
              .filter((m) => m.status === 'requested')
              .map((m) => (
                <li key={m.id}>
                  {m.displayName}{' '}
                  <button
                    type="button"
                    className="small"
                    onClick={() => act(() => api('POST', `${base}/members/${m.id}`, { action: 'approve' }))}
                  >
                    {t('group.approve')}
                  </button>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => act(() => api('POST', `${base}/members/${m.id}`, { action: 'decline' }))}
                  >
                    {t('group.decline')}
                  </button>
                </li>
              ))}
          </ul>
        </div>
      )}
      {isMember && <Composer slug={slug} groupId={group.id} onPosted={posts.prepend} />}
      <ErrorMessage error={posts.error} />
      {posts.page ? (
        <PostList
          slug={slug}
          posts={posts.page.posts}
          nextCursor={posts.page.nextCursor}
          empty={isMember ? t('group.emptyMember') : t('group.emptyVisitor')}
          onMore={() => posts.more()}
          onChange={posts.setPosts}
        />
      ) : (
        <Loading />
      )}
      {members.length > 0 && (
        <details className="card">
          <summary>{t('group.memberList')}</summary>
          <ul className="plain">
            {members
              .filter((m) => m.status === 'active')
              .map((m) => (
                <li key={m.id}>
                  <Link to={`/t/${slug}/people/${m.id}`}>{m.displayName}</Link>
                  {m.role === 'admin' && <span className="badge">{t('group.admin')}</span>}
                </li>
              ))}
          </ul>
        </details>
      )}
    </section>
  );
}
