import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { Composer } from './Composer';
import { communityKeys, useCommunity } from './community-context';
import { PostList } from './PostList';
import { usePostPage } from './use-post-page';

/** A group: join or leave, its posts and composer for members, and member management for its admins. */
export function GroupPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { slug } = useCommunity();
  const queryClient = useQueryClient();
  const path = { slug, id };
  const { data: group, error: loadError } = useQuery({
    queryKey: communityKeys.group(slug, id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/groups/{id}', { params: { path }, signal })),
  });
  const isMember = group?.membership?.status === 'active';
  const isAdmin = isMember && group?.membership?.role === 'admin';
  // Who is in it is shown to everyone for an open group, and to members otherwise.
  const { data: memberList } = useQuery({
    queryKey: communityKeys.groupMembers(slug, id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/groups/{id}/members', { params: { path }, signal })),
    enabled: group?.visibility === 'open' || isMember,
  });
  const members = memberList?.members ?? [];
  const posts = usePostPage(slug, 'group', id);
  const [writeError, setError] = useState<unknown>(null);
  const error = writeError ?? loadError;

  /** A change of membership: the group, its members, its posts and the group lists are read again. */
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    }
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: communityKeys.group(slug, id) }),
      queryClient.invalidateQueries({ queryKey: communityKeys.posts(slug, 'group', id) }),
      queryClient.invalidateQueries({ queryKey: ['t', slug, 'community', 'groups'] }),
      queryClient.invalidateQueries({ queryKey: communityKeys.posts(slug, 'feed', '') }),
    ]);
  };
  const join = () => call(client.POST('/v1/t/{slug}/community/groups/{id}/join', { params: { path } }));
  const decide = (memberId: string, action: 'approve' | 'decline') =>
    call(
      client.POST('/v1/t/{slug}/community/groups/{id}/members/{memberId}', {
        params: { path: { slug, id, memberId } },
        body: { action },
      }),
    );
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
          <button type="button" onClick={() => act(join)}>
            {group.visibility === 'open' ? t('group.join') : t('group.requestToJoin')}
          </button>
        )}
        {group.membership?.status === 'invited' && (
          <button type="button" onClick={() => act(join)}>
            {t('group.acceptInvitation')}
          </button>
        )}
        {group.membership?.status === 'requested' && <p className="muted">{t('group.status.requested')}</p>}
        {group.membership && (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              act(() =>
                call(client.DELETE('/v1/t/{slug}/community/groups/{id}/membership', { params: { path } })),
              )
            }
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
                  <button type="button" className="small" onClick={() => act(() => decide(m.id, 'approve'))}>
                    {t('group.approve')}
                  </button>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => act(() => decide(m.id, 'decline'))}
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
