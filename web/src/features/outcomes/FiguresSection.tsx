import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { type Translate, useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { CostPerHireForm } from './CostPerHireForm';
import { CsvLinks } from './CsvLinks';
import { outcomeKeys, peopleText, shareText } from './outcome-model';
import type { OutcomeSectionProps } from './sections';
import { TableRegion } from './TableRegion';

type Figures = Schemas['OutcomeFigures'];
type Pair<T> = { current: T; previous: T };

/** Comebacks, referrals, collaborations, events, surveys and proposals, and what comebacks save. */
export function FiguresSection({ slug, period }: OutcomeSectionProps) {
  const { t } = useI18n();
  const query = { from: period.from, to: period.to };
  const { data, error } = useQuery({
    queryKey: outcomeKeys.figures(slug, query),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/outcomes/figures', { params: { path: { slug }, query }, signal })),
    staleTime: 0,
  });
  if (!data) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <>
      <FigureTable figures={data} compare={period.compare} />
      <CsvLinks href={`/api/v1/t/${slug}/outcomes/figures/export`} query={query} />
      <h3 id="money-title">{t('outcomes.money.title')}</h3>
      <Money figures={data} compare={period.compare} />
      <CostPerHireForm slug={slug} current={data.money.costPerHire} />
    </>
  );
}

export function formulaText(t: Translate, cost: Figures['money']['costPerHire'], perHire: number | null) {
  if (!cost) return null;
  return cost.kind === 'fixed'
    ? t('outcomes.money.formulaFixed', { yen: cost.yen.toLocaleString() })
    : t('outcomes.money.formulaAgency', {
        salary: cost.annualSalaryYen.toLocaleString(),
        percent: cost.percent,
        yen: (perHire ?? 0).toLocaleString(),
      });
}

function Money({ figures, compare }: { figures: Figures; compare: boolean }) {
  const { t } = useI18n();
  const { money } = figures;
  const yen = (value: number | null) =>
    value === null ? t('outcomes.hidden') : t('outcomes.money.yen', { yen: value.toLocaleString() });
  if (!money.costPerHire) return <p className="muted">{t('outcomes.money.unset')}</p>;
  return (
    <dl className="stats">
      <div className="stat">
        <dt>{t('outcomes.money.saved')}</dt>
        <dd>{yen(money.savedYen.current)}</dd>
        {compare && (
          <dd className="small muted">
            {t('outcomes.previous')}: {yen(money.savedYen.previous)}
          </dd>
        )}
        <dd className="small">{formulaText(t, money.costPerHire, money.perHireYen)}</dd>
      </div>
    </dl>
  );
}

function FigureTable({ figures, compare }: { figures: Figures; compare: boolean }) {
  const { t } = useI18n();
  const count = (pair: Pair<Schemas['PeopleCount']>) => [
    peopleText(t, pair.current),
    peopleText(t, pair.previous),
  ];
  const plain = (pair: Pair<number | null>, unit = '') =>
    [pair.current, pair.previous].map((value) => (value === null ? '—' : `${value.toLocaleString()}${unit}`));
  const rate = (pair: Pair<number | null>) => [shareText(pair.current), shareText(pair.previous)];
  const rows: [string, string[]][] = [
    [t('outcomes.figures.rehires'), count(figures.rehires.count)],
    [t('outcomes.figures.medianDays'), plain(figures.rehires.medianDaysToReturn, t('outcomes.figures.days'))],
    [t('outcomes.figures.referred'), count(figures.referrals.referred)],
    [t('outcomes.figures.referredHired'), count(figures.referrals.hired)],
    [t('outcomes.figures.collaborations'), count(figures.collaborations)],
    [t('outcomes.figures.eventsHeld'), plain(figures.events.held)],
    [t('outcomes.figures.attendances'), count(figures.events.attendances)],
    [t('outcomes.figures.attendees'), count(figures.events.attendees)],
    [t('outcomes.figures.responses'), count(figures.surveys.responses)],
    [t('outcomes.figures.linkRate'), rate(figures.surveys.linkResponseRate)],
    [t('outcomes.figures.scaleAverage'), plain(figures.surveys.scaleAverage)],
    [t('outcomes.figures.nps'), plain(figures.surveys.nps)],
    [t('outcomes.figures.proposalsReceived'), plain(figures.proposals.received)],
    [t('outcomes.figures.proposalsAdopted'), plain(figures.proposals.adopted)],
  ];
  return (
    <TableRegion label={t('outcomes.figures.caption')}>
      <table>
        <caption>{t('outcomes.figures.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outcomes.figures.item')}</th>
            <th scope="col">{t('outcomes.current')}</th>
            {compare && <th scope="col">{t('outcomes.previous')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, [current, previous]]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="number">{current}</td>
              {compare && <td className="number">{previous}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
