import { useI18n } from '../../app/i18n';
import {
  consentValues,
  eligibilityValues,
  type RecordFilter,
  type Segment,
  statusValues,
  wouldReturnValues,
} from './registry-model';

export type Sort = 'reading' | 'leftOn' | 'name';

function MultiSelect<T extends string>(props: {
  label: string;
  values: readonly T[];
  chosen: T[] | undefined;
  labelOf(value: T): string;
  onChange(next: T[]): void;
}) {
  return (
    <fieldset className="checks">
      <legend>{props.label}</legend>
      {props.values.map((value) => (
        <label key={value} className="check">
          <input
            type="checkbox"
            checked={props.chosen?.includes(value) ?? false}
            onChange={(event) =>
              props.onChange(
                event.target.checked
                  ? [...(props.chosen ?? []), value]
                  : (props.chosen ?? []).filter((v) => v !== value),
              )
            }
          />
          {props.labelOf(value)}
        </label>
      ))}
    </fieldset>
  );
}

/** The registry's filter panel; the page keeps the filter in the URL, so a filtered view can be shared. */
export function RegistryFilters(props: {
  filter: RecordFilter;
  sort: Sort;
  segment: string;
  segments: Segment[];
  setFilter(next: RecordFilter, extra?: Record<string, string>): void;
}) {
  const { t } = useI18n();
  const { filter, sort, segment, segments, setFilter } = props;
  return (
    <details className="filters-panel">
      <summary>{t('registry.filters')}</summary>
      <div className="filters">
        <div className="field">
          <label htmlFor="registry-segment">{t('registry.segment')}</label>
          <select
            id="registry-segment"
            value={segment}
            onChange={(event) => setFilter(filter, { segment: event.target.value })}
          >
            <option value="">{t('registry.noSegment')}</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        {(
          [
            ['leftFrom', 'registry.leftFrom', 'number'],
            ['leftTo', 'registry.leftTo', 'number'],
            ['department', 'registry.department', 'text'],
            ['tag', 'registry.tag', 'text'],
          ] as const
        ).map(([key, label, type]) => (
          <div className="field" key={key}>
            <label htmlFor={`registry-${key}`}>{t(label)}</label>
            <input
              id={`registry-${key}`}
              type={type}
              inputMode={type === 'number' ? 'numeric' : undefined}
              value={filter[key] ?? ''}
              onChange={(event) =>
                setFilter({
                  ...filter,
                  [key]: type === 'number' ? Number(event.target.value) || undefined : event.target.value,
                })
              }
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor="registry-sort">{t('registry.sort')}</label>
          <select
            id="registry-sort"
            value={sort}
            onChange={(event) =>
              setFilter(filter, { sort: event.target.value === 'reading' ? '' : event.target.value })
            }
          >
            {(['reading', 'leftOn', 'name'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`registry.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <MultiSelect
        label={t('field.wouldReturn')}
        values={wouldReturnValues}
        chosen={filter.wouldReturn}
        labelOf={(v) => t(`wouldReturn.${v}`)}
        onChange={(wouldReturn) => setFilter({ ...filter, wouldReturn })}
      />
      <MultiSelect
        label={t('field.eligibility')}
        values={eligibilityValues}
        chosen={filter.eligibility}
        labelOf={(v) => t(`eligibility.${v}`)}
        onChange={(eligibility) => setFilter({ ...filter, eligibility })}
      />
      <MultiSelect
        label={t('field.contactConsent')}
        values={consentValues}
        chosen={filter.consent}
        labelOf={(v) => t(`consent.${v}`)}
        onChange={(consent) => setFilter({ ...filter, consent })}
      />
      <MultiSelect
        label={t('field.status')}
        values={statusValues}
        chosen={filter.status}
        labelOf={(v) => t(`status.${v}`)}
        onChange={(status) => setFilter({ ...filter, status })}
      />
    </details>
  );
}
