import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { tenantName } from '../tenancy/tenant-name';
import { formulaText } from './FiguresSection';
import { outcomeKeys } from './outcome-model';
import { periodFromParams, periodParams, shiftDay } from './period-model';
import { headlineRows } from './report-rows';
import { TableRegion } from './TableRegion';
import './outcomes.css';

/**
 * The one-page report for management: the headline figures of the period chosen on the dashboard
 * beside the period before, from the dashboard's own requests (so each view is audited as the
 * dashboard's are). Printing hides the console around it; browsers save the print as PDF.
 */
export function ReportPage() {
  const { t, locale, formatDate } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const [params] = useSearchParams();
  const period = periodFromParams(params);
  const query = { from: period.from, to: period.to };
  const funnel = useQuery({
    queryKey: outcomeKeys.funnel(slug, query),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/outcomes/funnel', { params: { path: { slug }, query }, signal })),
    staleTime: 0,
  });
  const figures = useQuery({
    queryKey: outcomeKeys.figures(slug, query),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/outcomes/figures', { params: { path: { slug }, query }, signal })),
    staleTime: 0,
  });
  const activity = useQuery({
    queryKey: ['t', slug, 'outcomes', 'activity', period.from, period.to],
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/outcomes/activity', { params: { path: { slug }, query }, signal })),
  });
  const error = funnel.error ?? figures.error ?? activity.error;
  if (error) return <ErrorMessage error={error} />;
  if (!funnel.data || !figures.data || !activity.data) return <Loading />;
  const day = (isoDate: string) => formatDate(`${isoDate}T00:00:00+09:00`);
  const span = (range: { from: string; to: string }) =>
    t('outcomes.report.span', { from: day(range.from), to: day(shiftDay(range.to, -1)) });
  const money = figures.data.money;
  const yen = (value: number | null) =>
    value === null ? t('outcomes.hidden') : t('outcomes.money.yen', { yen: value.toLocaleString(locale) });
  const rows = headlineRows(t, {
    funnel: funnel.data,
    figures: figures.data,
    activity: activity.data as Schemas['ActivityReport'],
  });
  const back = `/t/${slug}/admin/outcomes?${new URLSearchParams(periodParams(period))}`;
  return (
    <article className="outcome-report">
      <div className="no-print">
        <p className="small">
          <Link to={back}>{t('outcomes.report.back')}</Link>
        </p>
        <div className="actions">
          <button type="button" onClick={() => window.print()}>
            {t('outcomes.report.print')}
          </button>
        </div>
        <p className="hint">{t('outcomes.report.hint')}</p>
      </div>
      <h2>
        {t('outcomes.report.title', { network: tenantName(tenant, locale) })}
        <span className="outcome-report-period">{span(period)}</span>
      </h2>
      <p className="small muted outcome-report-meta">
        <span>{t('outcomes.report.compared', { previous: span(funnel.data.period.previous) })}</span>
        <span>{t('outcomes.report.made', { date: formatDate(new Date().toISOString()) })}</span>
      </p>
      <TableRegion label={t('outcomes.report.caption')}>
        <table>
          <caption>{t('outcomes.report.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outcomes.figures.item')}</th>
              <th scope="col">{t('outcomes.current')}</th>
              <th scope="col">{t('outcomes.previous')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td className="number">{row.current}</td>
                <td className="number">{row.previous}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('outcomes.money.saved')}</th>
              <td className="number">{money.costPerHire ? yen(money.savedYen.current) : '—'}</td>
              <td className="number">{money.costPerHire ? yen(money.savedYen.previous) : '—'}</td>
            </tr>
          </tbody>
        </table>
      </TableRegion>
      <p className="small">
        {money.costPerHire ? formulaText(t, money.costPerHire, money.perHireYen) : t('outcomes.money.unset')}
      </p>
      <p className="small muted">{t('outcomes.report.notes')}</p>
      <p className="small muted">{t('outcomes.privacyNote')}</p>
    </article>
  );
}
