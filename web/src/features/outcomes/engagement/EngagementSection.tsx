import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, client } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages/ja';
import { ErrorMessage, Loading } from '../../../app/ui';
import type { OutcomeSectionProps } from '../sections';
import { EngagementWeights, ingredients } from './EngagementWeights';

const PAGE = 50;

/**
 * エンゲージメント: each member's score from visible ingredients and the going-quiet count. HR only;
 * members never see a score, and it ranks no one on the alumni side.
 */
export function EngagementSection({ slug }: OutcomeSectionProps) {
  const { t, locale } = useI18n();
  const [offset, setOffset] = useState(0);
  const { data, error } = useQuery({
    queryKey: ['t', slug, 'outcomes', 'engagement', offset],
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/outcomes/engagement', {
          params: { path: { slug }, query: { limit: PAGE, offset } },
          signal,
        }),
      ),
  });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const number = (value: number) => value.toLocaleString(locale);
  const quiet = data.goingQuiet.value === null ? t('outcomes.hidden') : number(data.goingQuiet.value);
  return (
    <div>
      <p className="small muted">{t('outcomes.engagement.lead', { days: data.windowDays })}</p>
      <dl className="stats">
        <div className="stat">
          <dt>{t('outcomes.engagement.goingQuiet')}</dt>
          <dd>{quiet}</dd>
        </div>
      </dl>
      <p className="hint">{t('outcomes.engagement.goingQuietHint')}</p>
      <EngagementWeights
        key={JSON.stringify(data.weights)}
        slug={slug}
        weights={data.weights}
        defaults={data.defaultWeights}
      />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled without a mouse (WCAG 2.1.1; axe scrollable-region-focusable) */}
      <section className="table-wrap" aria-label={t('outcomes.engagement.members')} tabIndex={0}>
        <table>
          <caption>{t('outcomes.engagement.members')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outcomes.engagement.name')}</th>
              <th scope="col">{t('outcomes.engagement.score')}</th>
              {ingredients.map((key) => (
                <th key={key} scope="col">
                  {t(`outcomes.engagement.${key}` as MessageKey)}
                </th>
              ))}
              <th scope="col">{t('outcomes.engagement.goingQuietColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {data.members.map((member) => (
              <tr key={member.membershipId}>
                <th scope="row">{member.name}</th>
                <td className="number">{number(member.score)}</td>
                {ingredients.map((key) => (
                  <td key={key} className="number">
                    {number(member[key])}
                  </td>
                ))}
                <td>{member.goingQuiet ? t('outcomes.engagement.quietYes') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="actions">
        {offset > 0 && (
          <button type="button" className="secondary" onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('outcomes.engagement.previousPage')}
          </button>
        )}
        {offset + PAGE < data.total && (
          <button type="button" className="secondary" onClick={() => setOffset(offset + PAGE)}>
            {t('outcomes.engagement.nextPage')}
          </button>
        )}
      </div>
    </div>
  );
}
