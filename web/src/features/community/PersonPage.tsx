import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading, Notice } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';
import { ProfileView } from './ProfileView';
import { ReportForm } from './ReportForm';

/** Another member's profile, with only what they show; blocking is one confirmed tap away. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { slug } = useCommunity();
  const queryClient = useQueryClient();
  const { data: profile, error: loadError } = useQuery({
    queryKey: communityKeys.person(slug, id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/people/{id}', { params: { path: { slug, id } }, signal })),
  });
  const [writeError, setError] = useState<unknown>(null);
  const error = writeError ?? loadError;
  const path = { slug, id };
  /** Blocking or muting someone changes what the directory, feeds and conversations show. */
  const changed = () => queryClient.invalidateQueries({ queryKey: ['t', slug, 'community'] });

  const block = async () => {
    if (!profile || !window.confirm(t('people.blockConfirm', { name: profile.displayName }))) return;
    try {
      await call(client.PUT('/v1/t/{slug}/community/people/{id}/block', { params: { path } }));
      await changed();
      navigate(`/t/${slug}/people`, { replace: true, state: { notice: t('people.blockedDone') } });
    } catch (caught) {
      setError(caught);
    }
  };

  const [notice, setNotice] = useState('');
  const mute = async () => {
    try {
      await call(client.PUT('/v1/t/{slug}/community/people/{id}/mute', { params: { path } }));
      await changed();
      setNotice(t('people.mutedDone'));
    } catch (caught) {
      setError(caught);
    }
  };

  const startConversation = async () => {
    try {
      const opened = await call(
        client.POST('/v1/t/{slug}/community/conversations', {
          params: { path: { slug } },
          body: { memberId: id },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: communityKeys.conversations(slug), exact: true });
      navigate(`/t/${slug}/messages/${opened.id}`);
    } catch (caught) {
      setError(caught);
    }
  };

  if (error) return <ErrorMessage error={error} />;
  if (!profile) return <Loading />;
  return (
    <section>
      <ProfileView slug={slug} profile={profile} />
      {notice && <Notice>{notice}</Notice>}
      {profile.isSelf ? (
        <Link className="button secondary" to={`/t/${slug}/me`}>
          {t('profile.edit')}
        </Link>
      ) : (
        <div className="post-actions">
          {profile.acceptsMessages && (
            <button type="button" onClick={startConversation}>
              {t('messages.start')}
            </button>
          )}
          <button type="button" className="link-button" onClick={mute}>
            {t('people.mute')}
          </button>
          <button type="button" className="link-button danger" onClick={block}>
            {t('people.block')}
          </button>
          <ReportForm slug={slug} targetType="member" targetId={profile.id} />
        </div>
      )}
    </section>
  );
}
