import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { call, client } from '../../app/api';
import { allValues, type Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { Chart } from './Chart';
import { CsvLinks } from './CsvLinks';
import { chartValue, outcomeKeys, peopleText, shareText } from './outcome-model';
import type { OutcomeSectionProps } from './sections';
import { TableRegion } from './TableRegion';

type Funnel = Schemas['OutcomeFunnel'];
type Dimension = NonNullable<Funnel['breakdown']>['by'];
const dimensions = allValues<Dimension>()(['leftYear', 'department', 'leaveReason'] as const);
const cohortParams = ['leftYear', 'department', 'leaveReason', 'by'] as const;

/** Records → contact consent → invited → joined → active, for a cohort, with where joins came from. */
export function FunnelSection({ slug, period }: OutcomeSectionProps) {
  const { t } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const cohort = Object.fromEntries(
    cohortParams.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : [])),
  ) as Record<(typeof cohortParams)[number], string | undefined>;
  const query: Record<string, string> = { from: period.from, to: period.to };
  for (const [name, value] of Object.entries(cohort)) if (value) query[name] = value;
  const { data, error } = useQuery({
    queryKey: outcomeKeys.funnel(slug, query),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/outcomes/funnel', {
          params: { path: { slug }, query: query as never },
          signal,
        }),
      ),
    staleTime: 0,
  });
  const setCohort = (name: (typeof cohortParams)[number], value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const reasonLabel = (value: string) =>
    t(`outcomes.leaveReason.${value as Funnel['cohorts']['leaveReasons'][number]}`);
  const cohortName = (by: Dimension, value: string | null) =>
    value === null ? t('outcomes.cohort.none') : by === 'leaveReason' ? reasonLabel(value) : value;
  return (
    <>
      <p className="hint">{t('outcomes.funnel.lead')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('outcomes.cohort.leftYear')}</label>
          <select
            id={`${id}-year`}
            value={cohort.leftYear ?? ''}
            onChange={(e) => setCohort('leftYear', e.target.value)}
          >
            <option value="">{t('outcomes.cohort.all')}</option>
            {data?.cohorts.leftYears.map((year) => (
              <option key={year} value={String(year)}>
                {t('outcomes.cohort.year', { year })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-department`}>{t('outcomes.cohort.department')}</label>
          <select
            id={`${id}-department`}
            value={cohort.department ?? ''}
            onChange={(e) => setCohort('department', e.target.value)}
          >
            <option value="">{t('outcomes.cohort.all')}</option>
            {data?.cohorts.departments.map((department) => (
              <option key={department} value={department}>
                {department}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('outcomes.cohort.leaveReason')}</label>
          <select
            id={`${id}-reason`}
            value={cohort.leaveReason ?? ''}
            onChange={(e) => setCohort('leaveReason', e.target.value)}
          >
            <option value="">{t('outcomes.cohort.all')}</option>
            {data?.cohorts.leaveReasons.map((reason) => (
              <option key={reason} value={reason}>
                {reasonLabel(reason)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-by`}>{t('outcomes.cohort.by')}</label>
          <select id={`${id}-by`} value={cohort.by ?? ''} onChange={(e) => setCohort('by', e.target.value)}>
            <option value="">{t('outcomes.cohort.byNone')}</option>
            {dimensions.map((dimension) => (
              <option key={dimension} value={dimension}>
                {t(`outcomes.cohort.${dimension}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!data ? (
        error ? (
          <ErrorMessage error={error} />
        ) : (
          <Loading />
        )
      ) : (
        <FunnelFigures funnel={data} compare={period.compare} cohortName={cohortName} />
      )}
      <CsvLinks href={`/api/v1/t/${slug}/outcomes/funnel/export`} query={query} />
    </>
  );
}

function FunnelFigures({
  funnel,
  compare,
  cohortName,
}: {
  funnel: Funnel;
  compare: boolean;
  cohortName(by: Dimension, value: string | null): string;
}) {
  const { t } = useI18n();
  const stepLabel = (step: Funnel['steps'][number]['step']) =>
    t(`outcomes.funnel.step.${step}`, { days: funnel.activeDays });
  const series = [
    { label: t('outcomes.current'), values: funnel.steps.map((step) => chartValue(step.current)) },
    ...(compare
      ? [{ label: t('outcomes.previous'), values: funnel.steps.map((step) => chartValue(step.previous)) }]
      : []),
  ];
  const rates = funnel.steps.map((step) => step.conversion);
  return (
    <>
      <Chart
        caption={t('outcomes.funnel.caption')}
        labelHeader={t('outcomes.funnel.step')}
        labels={funnel.steps.map((step) => stepLabel(step.step))}
        series={series}
        format={(_value, column, row) =>
          peopleText(t, column === 0 ? funnel.steps[row]?.current : funnel.steps[row]?.previous)
        }
        extraColumns={[
          { label: t('outcomes.funnel.conversion'), cells: rates.map((rate) => shareText(rate.current)) },
          ...(compare
            ? [
                {
                  label: t('outcomes.funnel.conversionPrevious'),
                  cells: rates.map((rate) => shareText(rate.previous)),
                },
              ]
            : []),
        ]}
      />
      <p className="small muted">{t('outcomes.funnel.activeNote', { days: funnel.activeDays })}</p>
      {funnel.breakdown && (
        <TableRegion
          label={t('outcomes.funnel.breakdown', { by: t(`outcomes.cohort.${funnel.breakdown.by}`) })}
        >
          <table>
            <caption>
              {t('outcomes.funnel.breakdown', { by: t(`outcomes.cohort.${funnel.breakdown.by}`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(`outcomes.cohort.${funnel.breakdown.by}`)}</th>
                {funnel.steps.map((step) => (
                  <th key={step.step} scope="col">
                    {stepLabel(step.step)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {funnel.breakdown.rows.map((row) => (
                <tr key={row.cohort ?? ''}>
                  <th scope="row">{cohortName(funnel.breakdown!.by, row.cohort)}</th>
                  {funnel.steps.map((step) => (
                    <td key={step.step} className="number">
                      {peopleText(t, row.current[step.step])}
                      {compare && (
                        <span className="small muted"> ({peopleText(t, row.previous[step.step])})</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <TableRegion label={t('outcomes.sources.caption')}>
        <table>
          <caption>{t('outcomes.sources.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outcomes.sources.source')}</th>
              <th scope="col">{t('outcomes.sources.invited')}</th>
              <th scope="col">{t('outcomes.sources.joined')}</th>
            </tr>
          </thead>
          <tbody>
            {funnel.sources.map((source) => (
              <tr key={source.source}>
                <th scope="row">{t(`outcomes.sources.${source.source}`)}</th>
                {(
                  [
                    ['invited', source.invited],
                    ['joined', source.joined],
                  ] as const
                ).map(([name, figure]) => (
                  <td key={name} className="number">
                    {peopleText(t, figure.current)}
                    {compare && <span className="small muted"> ({peopleText(t, figure.previous)})</span>}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('outcomes.sources.joinRequests')}</th>
              <td className="number" colSpan={2}>
                {peopleText(t, funnel.requests.joinRequests.current)}
                {compare && (
                  <span className="small muted">
                    {' '}
                    ({peopleText(t, funnel.requests.joinRequests.previous)})
                  </span>
                )}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('outcomes.sources.memberReferrals')}</th>
              <td className="number" colSpan={2}>
                {peopleText(t, funnel.requests.memberReferrals.current)}
                {compare && (
                  <span className="small muted">
                    {' '}
                    ({peopleText(t, funnel.requests.memberReferrals.previous)})
                  </span>
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </TableRegion>
      {compare && <p className="small muted">{t('outcomes.previousInBrackets')}</p>}
    </>
  );
}
