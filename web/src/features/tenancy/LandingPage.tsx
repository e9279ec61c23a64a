import { Link, Navigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';

export function LandingPage() {
  const { t } = useI18n();
  const { session } = useSession();
  if (session?.signedIn) return <Navigate to="/tenants" replace />;
  return (
    <section className="hero">
      <h1>
        <span className="hero-mark" aria-hidden="true">
          縁
        </span>
        {t('app.tagline')}
      </h1>
      <p className="lead">{t('landing.lead')}</p>
      <ul className="points">
        <li>{t('landing.point1')}</li>
        <li>{t('landing.point2')}</li>
        <li>{t('landing.point3')}</li>
      </ul>
      <div className="actions">
        <Link className="button primary" to="/signin">
          {t('nav.signIn')}
        </Link>
        <Link className="button secondary" to="/signup">
          {t('landing.create')}
        </Link>
      </div>
    </section>
  );
}
