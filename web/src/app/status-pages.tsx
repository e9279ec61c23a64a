import { Link } from 'react-router';
import { useI18n } from './i18n';

/** A route nobody has: says so, with a way back. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="card">
      <h1>{t('common.notFound')}</h1>
      <p>{t('common.notFoundHint')}</p>
      <Link to="/">{t('common.backHome')}</Link>
    </section>
  );
}

/** A page the signed-in person may not open (an alumnus at the HR console): says why, and where to go. */
export function NoAccessPage({ home }: { home: string }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <h1>{t('common.noAccess')}</h1>
      <p>{t('common.noAccessHint')}</p>
      <Link to={home}>{t('common.backToCommunity')}</Link>
    </section>
  );
}
