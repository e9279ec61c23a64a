import { useId } from 'react';
import { useI18n } from '../../app/i18n';
import { type PeriodChoice, type PeriodKind, periodKinds, presetRange, shiftDay } from './period-model';

/** 今月 / 今四半期 / 今年 / 期間指定, and whether to compare with the period before. */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: PeriodChoice;
  onChange(next: PeriodChoice): void;
}) {
  const { t, formatDate } = useI18n();
  const id = useId();
  const choose = (kind: PeriodKind) =>
    onChange(kind === 'custom' ? { ...value, kind } : { ...value, kind, ...presetRange(kind) });
  // The last day is what people pick; the API's `to` is the day after it.
  const lastDay = shiftDay(value.to, -1);
  const day = (isoDate: string) => formatDate(`${isoDate}T00:00:00+09:00`);
  return (
    <div className="card outcome-period">
      <fieldset className="segmented wrap">
        <legend>{t('outcomes.period')}</legend>
        {periodKinds.map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name={`${id}-period`}
              checked={value.kind === kind}
              onChange={() => choose(kind)}
            />
            {t(`outcomes.period.${kind}`)}
          </label>
        ))}
      </fieldset>
      {value.kind === 'custom' && (
        <div className="filters">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('outcomes.period.from')}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={value.from}
              max={lastDay}
              onChange={(event) => event.target.value && onChange({ ...value, from: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('outcomes.period.lastDay')}</label>
            <input
              id={`${id}-to`}
              type="date"
              value={lastDay}
              min={value.from}
              onChange={(event) =>
                event.target.value && onChange({ ...value, to: shiftDay(event.target.value, 1) })
              }
            />
          </div>
        </div>
      )}
      <div className="field checkbox">
        <input
          id={`${id}-compare`}
          type="checkbox"
          checked={value.compare}
          onChange={(event) => onChange({ ...value, compare: event.target.checked })}
        />
        <label htmlFor={`${id}-compare`}>{t('outcomes.period.compare')}</label>
      </div>
      <p className="small muted" aria-live="polite">
        {t('outcomes.period.showing', { from: day(value.from), to: day(lastDay) })}
      </p>
    </div>
  );
}
