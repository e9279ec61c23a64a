import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { tenantName } from '../tenancy/tenant-name';
import { formulaText } from './FiguresSection';
import { outcomeKeys } from './outcome-model';
import { periodFromParams, periodParams, shiftDay } from './period-model';
import { headlineRows, type ReportCell, unknownReasons } from './report-rows';
import { TableRegion } from './TableRegion';
import './outcomes.css';

/**
 * The one-page report for management: the headline figures of the period chosen on the dashboard
 * beside the period before, in one request (one audit entry per view), counted as the dashboard counts
 * them. Printing hides the console around it; browsers save the print as PDF.
 */
export function ReportPage() {
  const { t, locale, formatDate } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const [params] = useSearchParams();
  const period = periodFromParams(params);
  const query = { from: period.from, to: period.to };
  const report = useQuery({
    queryKey: outcomeKeys.report(slug, query),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/outcomes/report', { params: { path: { slug }, query }, signal })),
    staleTime: 0,
  });
  if (report.error) return <ErrorMessage error={report.error} />;
  if (!report.data) return <Loading />;
  const day = (isoDate: string) => formatDate(`${isoDate}T00:00:00+09:00`);
  const span = (range: { from: string; to: string }) =>
    t('outcomes.report.span', { from: day(range.from), to: day(shiftDay(range.to, -1)) });
  const money = report.data.figures.money;
  const rows = headlineRows(t, report.data);
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
        <span>{t('outcomes.report.compared', { previous: span(report.data.period.previous) })}</span>
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
                <FigureCell cell={row.current} />
                <FigureCell cell={row.previous} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="small">
        {money.costPerHire ? formulaText(t, money.costPerHire, money.perHireYen) : t('outcomes.money.unset')}
      </p>
      {unknownReasons(rows).map((reason) => (
        <p key={reason} className="small muted">
          {t('outcomes.report.unknownNote', { reason })}
        </p>
      ))}
      <p className="small muted">{t('outcomes.report.notes')}</p>
      <p className="small muted">{t('outcomes.privacyNote')}</p>
    </article>
  );
}

/** A figure; — for one that cannot be worked out, read out with its reason rather than as a dash. */
function FigureCell({ cell }: { cell: ReportCell }) {
  if (!cell.unknown) return <td className="number">{cell.text}</td>;
  return (
    <td className="number">
      <span aria-hidden="true">{cell.text}</span>
      <span className="visually-hidden">{cell.unknown}</span>
    </td>
  );
}
