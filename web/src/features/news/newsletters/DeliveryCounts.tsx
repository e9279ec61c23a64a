import type { Schemas } from '../../../app/api/types';
import { useI18n } from '../../../app/i18n';

type Counts = Schemas['Newsletter']['counts'];
const states = ['queued', 'sent', 'failed', 'bounced', 'unsubscribed'] as const;

/** Per recipient state, how many of a campaign's deliveries are in it (no names: counts only). */
export function DeliveryCounts({ counts, label }: { counts: Counts; label: string }) {
  const { t, locale } = useI18n();
  const number = (n: number) => n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB');
  return (
    <dl className="delivery-counts" aria-label={label}>
      {states.map((state) => (
        <div key={state}>
          <dt>{t(`newsletters.count.${state}`)}</dt>
          <dd>{number(counts[state])}</dd>
        </div>
      ))}
    </dl>
  );
}

type Tracking = NonNullable<Schemas['Newsletter']['tracking']>;
const measures = ['opened', 'opens', 'clicked', 'clicks'] as const;

/** Opens and clicks of a campaign that counted them: people at least once, and every time. */
export function TrackingCounts({ tracking }: { tracking: Tracking }) {
  const { t, locale } = useI18n();
  const number = (n: number) => n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB');
  return (
    <>
      <dl className="delivery-counts" aria-label={t('newsletters.tracking')}>
        {measures.map((measure) => (
          <div key={measure}>
            <dt>{t(`newsletters.tracking.${measure}`)}</dt>
            <dd>{number(tracking[measure])}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('newsletters.tracking.note')}</p>
    </>
  );
}
