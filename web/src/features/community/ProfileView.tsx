import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import type { Profile } from './community-model';
import { Avatar, Badge } from './PersonCardView';

/** A profile as the viewer may see it: sections the member hides simply are not there. */
export function ProfileView({ slug, profile }: { slug: string; profile: Profile }) {
  const { t } = useI18n();
  const years = (year: number | null) => (year ? String(year) : t('profile.tenureUnknown'));
  return (
    <article className="card profile">
      <header className="profile-head">
        <Avatar person={profile} size={96} />
        <div>
          <h1>
            {profile.displayName} <Badge badge={profile.badge} />
          </h1>
          {profile.reading && <p className="muted">{profile.reading}</p>}
          {(profile.currentCompany || profile.currentTitle) && (
            <p>{[profile.currentCompany, profile.currentTitle].filter(Boolean).join(' ・ ')}</p>
          )}
        </div>
      </header>
      {profile.hashtags && profile.hashtags.length > 0 && (
        <p className="tags">
          {profile.hashtags.map((tag) => (
            <Link key={tag.key} to={`/t/${slug}/hashtags/${encodeURIComponent(tag.key)}`}>
              #{tag.label}
            </Link>
          ))}
        </p>
      )}
      {profile.intents && profile.intents.length > 0 && (
        <>
          <h2>{t('profile.intents')}</h2>
          <ul className="pills">
            {profile.intents.map((intent) => (
              <li key={intent}>{t(`intent.${intent}`)}</li>
            ))}
          </ul>
        </>
      )}
      {profile.bio && (
        <>
          <h2>{t('profile.bio')}</h2>
          <p className="prewrap">{profile.bio}</p>
        </>
      )}
      {profile.tenure && (
        <>
          <h2>{t('profile.tenure')}</h2>
          <p>
            {t('profile.tenureYears', {
              from: years(profile.tenure.joinedYear),
              to: years(profile.tenure.leftYear),
            })}
            {profile.tenure.departments.length > 0 && ` ・ ${profile.tenure.departments.join('、')}`}
          </p>
        </>
      )}
      {profile.career && profile.career.length > 0 && (
        <>
          <h2>{t('profile.career')}</h2>
          <ul className="career">
            {profile.career.map((entry) => (
              <li key={`${entry.company}-${entry.from ?? ''}`}>
                <strong>{entry.company}</strong>
                {entry.title && ` ・ ${entry.title}`}
                {(entry.from || entry.to) && (
                  <span className="muted small">
                    {' '}
                    {entry.from ?? ''}〜{entry.to ?? ''}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {profile.links && profile.links.length > 0 && (
        <>
          <h2>{t('profile.links')}</h2>
          <ul className="links">
            {profile.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noopener noreferrer nofollow ugc" target="_blank">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
