import { Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { PeriodPicker } from './PeriodPicker';
import { type PeriodChoice, periodFromParams, periodParams } from './period-model';
import { outcomeSections } from './sections';
import './outcomes.css';

/** The console's 成果: what the network brings, for a period and compared with the one before. */
export function OutcomesPage() {
  const { t } = useI18n();
  const { tenant } = useConsoleHome();
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params);
  // The period replaces only its own fields: a section's filters (a cohort) stay as they were.
  const choose = (next: PeriodChoice) =>
    setParams(
      (previous) => {
        const merged = new URLSearchParams(previous);
        for (const name of ['period', 'from', 'to', 'compare']) merged.delete(name);
        for (const [name, value] of Object.entries(periodParams(next))) merged.set(name, value);
        return merged;
      },
      { replace: true },
    );
  return (
    <section className="outcomes">
      <h2>{t('outcomes.title')}</h2>
      <p className="lead">{t('outcomes.lead')}</p>
      <PeriodPicker value={period} onChange={choose} />
      <p>
        <Link to={`/t/${tenant.slug}/admin/outcomes/report?${new URLSearchParams(periodParams(period))}`}>
          {t('outcomes.report.link')}
        </Link>
      </p>
      {outcomeSections.length > 1 && (
        <nav aria-label={t('outcomes.sections')} className="outcome-toc">
          {outcomeSections.map((section) => (
            <a key={section.id} href={`#${section.id}`}>
              {t(section.label)}
            </a>
          ))}
        </nav>
      )}
      {outcomeSections.map(({ id, label, Component }) => (
        <section key={id} id={id} aria-labelledby={`${id}-title`} className="outcome-section">
          <h3 id={`${id}-title`}>{t(label)}</h3>
          <Suspense fallback={<Loading />}>
            <Component slug={tenant.slug} period={period} />
          </Suspense>
        </section>
      ))}
      <p className="small muted">{t('outcomes.privacyNote')}</p>
    </section>
  );
}
