import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading, Notice } from '../../app/ui';
import { useCommunity } from './community-context';
import type { Profile } from './community-model';
import { ProfileView } from './ProfileView';
import { ReportForm } from './ReportForm';

/** Another member's profile, with only what they show; blocking is one confirmed tap away. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { slug } = useCommunity();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setProfile(null);
    api<Profile>('GET', `/t/${slug}/community/people/${id}`).then(setProfile, setError);
  }, [slug, id]);

  const block = async () => {
    if (!profile || !window.confirm(t('people.blockConfirm', { name: profile.displayName }))) return;
    try {
      await api('PUT', `/t/${slug}/community/people/${id}/block`);
      navigate(`/t/${slug}/people`, { replace: true, state: { notice: t('people.blockedDone') } });
    } catch (caught) {
      setError(caught);
    }
  };

  const [notice, setNotice] = useState('');
  const mute = async () => {
    try {
      await api('PUT', `/t/${slug}/community/people/${id}/mute`);
      setNotice(t('people.mutedDone'));
    } catch (caught) {
      setError(caught);
    }
  };

  const startConversation = async () => {
    try {
      const opened = await api<{ id: string }>('POST', `/t/${slug}/community/conversations`, {
        memberId: id,
      });
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
