import { CalendarDays } from 'lucide-react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { isStaffRole } from '../../app/session';
import { useCommunity } from '../community/community-context';
import { HomeFeed } from '../community/HomeFeed';
import { ReferralForm } from './ReferralForm';
import { tenantName } from './tenant-name';

/** The member's home in a network: who they are there, and the ways into the community. */
export function HomePage() {
  const { t, locale } = useI18n();
  const { home, me } = useCommunity();
  const slug = home.tenant.slug;
  const profileIsBare = !me.profile.hashtags?.length && !me.profile.currentCompany;
  return (
    <>
      <section className="card">
        <p className="eyebrow">{t('home.network', { network: tenantName(home.tenant, locale) })}</p>
        <h1>{t('home.welcome', { name: home.member.displayName })}</h1>
        <dl className="facts">
          <div>
            <dt>{t('home.role')}</dt>
            <dd>
              <span className="badge">{t(`role.${home.member.role}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('home.members')}</dt>
            <dd>{t('home.membersCount', { count: home.memberCount.toLocaleString(locale) })}</dd>
          </div>
        </dl>
        <p>{t('home.readOnlyOk')}</p>
        {isStaffRole(home.member.role) && (
          <Link className="button secondary" to={`/t/${home.tenant.slug}/admin`}>
            {t('home.openConsole')}
          </Link>
        )}
      </section>
      <nav className="card quick-links" aria-label={t('home.quickLinks')}>
        {profileIsBare && (
          <Link className="button" to={`/t/${slug}/me`}>
            {t('home.editProfile')}
          </Link>
        )}
        <Link className="button secondary" to={`/t/${slug}/events`}>
          <CalendarDays aria-hidden="true" className="icon" /> {t('home.events')}
        </Link>
        <Link className="button secondary" to={`/t/${slug}/me`}>
          {t('profile.viewProfile')}
        </Link>
        <Link className="button secondary" to={`/t/${slug}/people`}>
          {t('home.findPeople')}
        </Link>
        <Link className="button secondary" to={`/t/${slug}/hashtags`}>
          {t('home.exploreHashtags')}
        </Link>
        <Link className="button secondary" to={`/t/${slug}/surveys`}>
          {t('home.surveys')}
        </Link>
        <Link className="button secondary" to={`/t/${slug}/proposals`}>
          {t('home.proposals')}
        </Link>
        {(isStaffRole(home.member.role) || home.member.role === 'moderator') && (
          <Link className="button secondary" to={`/t/${slug}/moderation`}>
            {t('moderation.link')}
          </Link>
        )}
      </nav>
      <HomeFeed slug={slug} role={home.member.role} />
      <ReferralForm slug={home.tenant.slug} />
    </>
  );
}
