import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call, client } from '../../../app/api';
import type { Schemas } from '../../../app/api/types';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages/ja';
import { ErrorMessage, Loading } from '../../../app/ui';
import { Chart } from '../Chart';
import { CsvLinks } from '../CsvLinks';
import type { OutcomeSectionProps } from '../sections';

type Figures = Schemas['ActivityFigures'];
type PeopleCount = Schemas['PeopleCount'];
type Value = number | PeopleCount;

/** The measures in the order HR reads them: people first, then what they did, then growth and reach. */
const measures: (keyof Figures)[] = [
  'activeMembers',
  'weeklyActive',
  'monthlyActive',
  'readersOnly',
  'posts',
  'comments',
  'messages',
  'reactions',
  'articleReads',
  'groupsCreated',
  'groupsTotal',
  'hashtagsCreated',
  'hashtagsTotal',
  'digestReach',
  'newsletters',
  'newsletterReach',
];

const numberOf = (value: Value): number | null => (typeof value === 'number' ? value : value.value);

/** 活動: who took part and how, for the chosen period beside the one before. */
export function ActivitySection({ slug, period }: OutcomeSectionProps) {
  const { t, locale, formatDate } = useI18n();
  const { data, error } = useQuery({
    queryKey: ['t', slug, 'outcomes', 'activity', period.from, period.to],
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/outcomes/activity', {
          params: { path: { slug }, query: { from: period.from, to: period.to } },
          signal,
        }),
      ),
  });
  const weeks = data?.weeks;
  const labels = useMemo(
    () => (weeks ?? []).map((week) => formatDate(`${week.from}T00:00:00+09:00`)),
    [weeks, formatDate],
  );
  const activeSeries = useMemo(
    () => [
      {
        label: t('outcomes.activity.activeMembers'),
        values: (weeks ?? []).map((w) => w.activeMembers.value),
      },
    ],
    [weeks, t],
  );
  const contentSeries = useMemo(
    () => [
      { label: t('outcomes.activity.posts'), values: (weeks ?? []).map((w) => w.posts) },
      { label: t('outcomes.activity.comments'), values: (weeks ?? []).map((w) => w.comments) },
      { label: t('outcomes.activity.messages'), values: (weeks ?? []).map((w) => w.messages) },
    ],
    [weeks, t],
  );
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const show = (value: number | null) =>
    value === null ? t('outcomes.hidden') : value.toLocaleString(locale);
  const change = (current: Value, previous: Value) => {
    const now = numberOf(current);
    const before = numberOf(previous);
    if (now === null || before === null) return { text: '—', className: '' };
    const delta = now - before;
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
    return {
      text: `${sign}${Math.abs(delta).toLocaleString(locale)}`,
      className: delta > 0 ? 'delta-up' : delta < 0 ? 'delta-down' : '',
    };
  };
  return (
    <div>
      <p className="small muted">{t('outcomes.activity.lead')}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled without a mouse (WCAG 2.1.1; axe scrollable-region-focusable) */}
      <section className="table-wrap" aria-label={t('outcomes.activity.figures')} tabIndex={0}>
        <table>
          <caption>{t('outcomes.activity.figures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outcomes.activity.metric')}</th>
              <th scope="col">{t('outcomes.activity.current')}</th>
              {period.compare && <th scope="col">{t('outcomes.activity.previous')}</th>}
              {period.compare && <th scope="col">{t('outcomes.activity.change')}</th>}
            </tr>
          </thead>
          <tbody>
            {measures.map((measure) => {
              const delta = change(data.current[measure], data.previous[measure]);
              return (
                <tr key={measure}>
                  <th scope="row">{t(`outcomes.activity.${measure}` as MessageKey)}</th>
                  <td className="number">{show(numberOf(data.current[measure]))}</td>
                  {period.compare && <td className="number">{show(numberOf(data.previous[measure]))}</td>}
                  {period.compare && <td className={`number ${delta.className}`}>{delta.text}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <CsvLinks
        href={`/api/v1/t/${slug}/outcomes/activity/export`}
        query={{ from: period.from, to: period.to }}
      />
      {labels.length === 0 ? (
        <p className="muted">{t('outcomes.activity.noDays')}</p>
      ) : (
        <>
          <Chart
            caption={t('outcomes.activity.weeklyChart')}
            labelHeader={t('outcomes.activity.weekOf')}
            labels={labels}
            series={activeSeries}
            format={show}
          />
          <Chart
            caption={t('outcomes.activity.contentChart')}
            labelHeader={t('outcomes.activity.weekOf')}
            labels={labels}
            series={contentSeries}
            kind="line"
            format={show}
          />
        </>
      )}
    </div>
  );
}
