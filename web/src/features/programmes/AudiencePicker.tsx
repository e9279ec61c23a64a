import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { call, client } from '../../app/api';
import type { RequestOf, Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { registryKeys } from '../registry/registry-keys';

export type AudienceSpec = Schemas['AudienceSpec'];
type PreviewRequest = RequestOf<'/v1/t/{slug}/programmes/audience/preview', 'post'>;
type Purpose = PreviewRequest['purpose'];
type Channel = NonNullable<PreviewRequest['channel']>;

/** Every member of the network (alumni), the audience a new programme starts with. */
export const everyMember: AudienceSpec = {
  members: true,
  includeEmployees: false,
  records: false,
  segmentId: null,
  openTo: [],
  wouldReturn: false,
  groupId: null,
  goingQuiet: false,
  attendedEventId: null,
};

/** The intents that mean "tell me about work": jobs, and collaboration or contract work. */
const workIntents = ['job_info', 'collaboration'] as const;

type Scope = 'everyone' | 'segment' | 'openToWork' | 'wouldReturn' | 'attendedEvent';
const scopes: readonly Scope[] = ['everyone', 'segment', 'openToWork', 'wouldReturn', 'attendedEvent'];

/** Which of the picker's choices a stored spec corresponds to (the narrowest one it uses). */
function scopeOf(spec: AudienceSpec): Scope {
  if (spec.attendedEventId) return 'attendedEvent';
  if (spec.segmentId) return 'segment';
  if (spec.wouldReturn) return 'wouldReturn';
  if (spec.openTo.length > 0) return 'openToWork';
  return 'everyone';
}

/** The spec for a scope; fields the picker does not offer (a group) are kept as they were. */
function withScope(spec: AudienceSpec, scope: Scope, segmentId: string | null): AudienceSpec {
  return {
    ...spec,
    segmentId: scope === 'segment' ? segmentId : null,
    attendedEventId: scope === 'attendedEvent' ? (spec.attendedEventId ?? null) : null,
    openTo: scope === 'openToWork' ? [...workIntents] : [],
    wouldReturn: scope === 'wouldReturn',
  };
}

/**
 * The console's audience choice, shared by every programme (opportunities, news, events …): everyone,
 * a registry segment, members open to work, people who would return, with or without employees, and a
 * live preview of how many it reaches by `channel` and how many are left out, per reason.
 */
export function AudiencePicker(props: {
  slug: string;
  value: AudienceSpec;
  onChange(spec: AudienceSpec): void;
  /** The consent the programme relies on for mail and push. */
  purpose: Purpose;
  /** The channel the preview counts for (in-app for what is only shown, e-mail for what is sent). */
  channel: Channel;
  /** The notification kind whose per-member channel choice applies. */
  kind?: string;
  /** Offer records that have not joined yet (they can only be reached by an invitation mail). */
  offerRecords?: boolean;
}) {
  const { t } = useI18n();
  const { slug, value, onChange } = props;
  const id = useId();
  const scope = scopeOf(value);
  const segments = useQuery({
    queryKey: registryKeys.segments(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/segments', { params: { path: { slug } }, signal })),
  });
  const segmentList = segments.data?.segments ?? [];
  const firstSegment = segmentList[0]?.id ?? null;
  const choose = (next: Scope) => onChange(withScope(value, next, value.segmentId ?? firstSegment));
  const incomplete =
    (scope === 'segment' && !value.segmentId) || (scope === 'attendedEvent' && !value.attendedEventId);
  // Past events first: the ones people can have attended. Loaded only once this choice is made.
  const pastEvents = useQuery({
    queryKey: ['t', slug, 'events', 'staff', 'list', 'past'] as const,
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/events', { params: { path: { slug }, query: { when: 'past' } }, signal }),
      ),
    enabled: scope === 'attendedEvent',
  });
  return (
    <fieldset className="field audience-picker">
      <legend>{t('audience.legend')}</legend>
      {scopes.map((option) => (
        <div key={option} className="choice">
          <input
            type="radio"
            id={`${id}-${option}`}
            name={`${id}-scope`}
            checked={scope === option}
            disabled={option === 'segment' && segments.isSuccess && segmentList.length === 0}
            onChange={() => choose(option)}
          />
          <label htmlFor={`${id}-${option}`}>{t(`audience.scope.${option}`)}</label>
        </div>
      ))}
      {scope === 'segment' && (
        <div className="field">
          <label htmlFor={`${id}-segment`}>{t('audience.segment')}</label>
          <select
            id={`${id}-segment`}
            value={value.segmentId ?? ''}
            onChange={(e) => onChange({ ...value, segmentId: e.target.value || null })}
          >
            {!value.segmentId && <option value="">{t('audience.segmentChoose')}</option>}
            {segmentList.map((segment) => (
              <option key={segment.id} value={segment.id}>
                {segment.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {segments.isSuccess && segmentList.length === 0 && <p className="hint">{t('audience.noSegments')}</p>}
      {scope === 'attendedEvent' && (
        <div className="field">
          <label htmlFor={`${id}-event`}>{t('audience.event')}</label>
          <select
            id={`${id}-event`}
            value={value.attendedEventId ?? ''}
            onChange={(e) => onChange({ ...value, attendedEventId: e.target.value || null })}
          >
            {!value.attendedEventId && <option value="">{t('audience.eventChoose')}</option>}
            {(pastEvents.data?.events ?? [])
              .filter((event) => event.attended > 0 || event.id === value.attendedEventId)
              .map((event) => (
                <option key={event.id} value={event.id}>
                  {event.title}
                </option>
              ))}
          </select>
          <ErrorMessage error={pastEvents.error} />
        </div>
      )}
      <div className="choice">
        <input
          type="checkbox"
          id={`${id}-employees`}
          checked={value.includeEmployees}
          onChange={(e) => onChange({ ...value, includeEmployees: e.target.checked })}
        />
        <label htmlFor={`${id}-employees`}>{t('audience.includeEmployees')}</label>
      </div>
      <div className="choice">
        <input
          type="checkbox"
          id={`${id}-quiet`}
          checked={value.goingQuiet}
          aria-describedby={`${id}-quiet-hint`}
          onChange={(e) => onChange({ ...value, goingQuiet: e.target.checked })}
        />
        <label htmlFor={`${id}-quiet`}>{t('audience.goingQuiet')}</label>
        <p className="hint" id={`${id}-quiet-hint`}>
          {t('audience.goingQuietHint')}
        </p>
      </div>
      {props.offerRecords && (
        <div className="choice">
          <input
            type="checkbox"
            id={`${id}-records`}
            checked={value.records}
            aria-describedby={`${id}-records-hint`}
            onChange={(e) => onChange({ ...value, records: e.target.checked })}
          />
          <label htmlFor={`${id}-records`}>{t('audience.records')}</label>
          <p className="hint" id={`${id}-records-hint`}>
            {t('audience.recordsHint')}
          </p>
        </div>
      )}
      {!incomplete && (
        <AudiencePreview
          slug={slug}
          spec={value}
          purpose={props.purpose}
          channel={props.channel}
          kind={props.kind}
        />
      )}
    </fieldset>
  );
}

/** How many people a spec reaches and who is left out, per reason, as the server counts them now. */
function AudiencePreview(props: {
  slug: string;
  spec: AudienceSpec;
  purpose: Purpose;
  channel: Channel;
  kind: string | undefined;
}) {
  const { t, locale } = useI18n();
  const { slug, spec, purpose, channel, kind } = props;
  const body: PreviewRequest = { spec, purpose, channel, ...(kind ? { kind } : {}) };
  const preview = useQuery({
    queryKey: ['t', slug, 'programmes', 'audience', 'preview', body] as const,
    queryFn: ({ signal }) =>
      call(
        client.POST('/v1/t/{slug}/programmes/audience/preview', {
          params: { path: { slug } },
          body,
          signal,
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const number = (n: number) => n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB');
  const data = preview.data;
  return (
    <div className="card inset audience-preview" aria-live="polite" aria-busy={preview.isFetching}>
      <ErrorMessage error={preview.error} />
      {data && (
        <>
          <p>
            <strong>{t(`audience.reach.${channel}`, { count: number(data.reached) })}</strong>
            {data.reachedRecords > 0 && (
              <span className="muted small">
                {' '}
                {t('audience.reachSplit', {
                  members: number(data.reachedMembers),
                  records: number(data.reachedRecords),
                })}
              </span>
            )}
          </p>
          {data.leftOut.length > 0 ? (
            <>
              <p className="small">{t('audience.leftOut')}</p>
              <ul className="small">
                {data.leftOut.map((item) => (
                  <li key={item.reason}>
                    {t(`audience.reason.${item.reason}`, { count: number(item.count) })}
                    {item.sample.length > 0 && (
                      <span className="muted">
                        {' '}
                        {t('audience.sample', { names: item.sample.join(locale === 'ja' ? '、' : ', ') })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="small muted">{t('audience.noneLeftOut')}</p>
          )}
        </>
      )}
    </div>
  );
}
