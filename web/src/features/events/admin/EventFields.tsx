import { useI18n } from '../../../app/i18n';
import { Field, fieldErrorOf } from '../../../app/ui';
import { AudiencePicker } from '../../programmes/AudiencePicker';
import { type EventFormat, formats } from './event-console-model';
import type { EventDraft } from './event-draft';
import { commonZones } from './event-times';
import { SelectField, TextAreaField } from './form-controls';

/** How long before the start confirmed registrants see the meeting link, in minutes. */
const visibleChoices = [0, 15, 30, 60, 180, 1440, 4320];

/** The event's own fields: what, when (in its time zone), where or how online, how many, and for whom. */
export function EventFields(props: {
  slug: string;
  draft: EventDraft;
  set(changes: Partial<EventDraft>): void;
  error: unknown;
}) {
  const { t } = useI18n();
  const { draft, set, error } = props;
  const online = draft.format !== 'in_person';
  const inPerson = draft.format !== 'online';
  const zones = commonZones.includes(draft.timeZone) ? commonZones : [draft.timeZone, ...commonZones];
  const visibleLabel = (minutes: number) =>
    minutes === 0
      ? t('eventsConsole.visible.atStart')
      : minutes % 1440 === 0
        ? t('eventsConsole.visible.days', { n: minutes / 1440 })
        : minutes % 60 === 0
          ? t('eventsConsole.visible.hours', { n: minutes / 60 })
          : t('eventsConsole.visible.minutes', { n: minutes });
  const visible = visibleChoices.includes(draft.meetingUrlVisibleMinutes)
    ? visibleChoices
    : [...visibleChoices, draft.meetingUrlVisibleMinutes].sort((a, b) => a - b);
  const text = (key: 'meetingUrl' | 'venue' | 'address' | 'mapUrl', type = 'text') => (
    <Field
      label={t(`eventsConsole.field.${key}`)}
      name={key}
      type={type}
      value={draft[key]}
      onChange={(value) => set({ [key]: value })}
      error={fieldErrorOf(error, key)}
    />
  );
  const when = (
    key: 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt',
    label: string,
  ) => (
    <Field
      label={label}
      name={key}
      type="datetime-local"
      value={draft[key]}
      onChange={(value) => set({ [key]: value })}
      error={fieldErrorOf(error, key)}
    />
  );
  const capacity = (key: 'capacityOnline' | 'capacityInPerson', label: string) => (
    <Field
      label={label}
      name={key}
      type="number"
      value={draft[key]}
      onChange={(value) => set({ [key]: value })}
      hint={t('eventsConsole.field.capacityHint')}
      error={fieldErrorOf(error, key)}
    />
  );
  return (
    <>
      <Field
        label={t('eventsConsole.field.title')}
        name="title"
        value={draft.title}
        onChange={(title) => set({ title })}
        error={fieldErrorOf(error, 'title')}
        required
      />
      <TextAreaField
        label={t('eventsConsole.field.body')}
        value={draft.body}
        rows={8}
        maxLength={20000}
        onChange={(body) => set({ body })}
        hint={t('eventsConsole.field.bodyHint')}
        error={fieldErrorOf(error, 'body')}
      />
      <SelectField
        label={t('eventsConsole.field.timeZone')}
        value={draft.timeZone}
        onChange={(timeZone) => set({ timeZone })}
        hint={t('eventsConsole.field.timesHint')}
        error={fieldErrorOf(error, 'timeZone')}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      {when('startsAt', t('eventsConsole.field.startsAt'))}
      {when('endsAt', t('eventsConsole.field.endsAt'))}
      <SelectField
        label={t('eventsConsole.field.format')}
        value={draft.format}
        onChange={(format) => set({ format: format as EventFormat })}
        error={fieldErrorOf(error, 'format')}
      >
        {formats.map((format) => (
          <option key={format} value={format}>
            {t(`eventsConsole.format.${format}`)}
          </option>
        ))}
      </SelectField>
      {online && (
        <>
          {text('meetingUrl', 'url')}
          <SelectField
            label={t('eventsConsole.field.meetingUrlVisible')}
            value={String(draft.meetingUrlVisibleMinutes)}
            onChange={(value) => set({ meetingUrlVisibleMinutes: Number(value) })}
            hint={t('eventsConsole.field.meetingUrlVisibleHint')}
            error={fieldErrorOf(error, 'meetingUrlVisibleMinutes')}
          >
            {visible.map((minutes) => (
              <option key={minutes} value={minutes}>
                {visibleLabel(minutes)}
              </option>
            ))}
          </SelectField>
        </>
      )}
      {inPerson && (
        <>
          {text('venue')}
          {text('address')}
          {text('mapUrl', 'url')}
        </>
      )}
      {draft.format === 'hybrid' ? (
        <>
          {capacity('capacityInPerson', t('eventsConsole.field.capacityInPerson'))}
          {capacity('capacityOnline', t('eventsConsole.field.capacityOnline'))}
        </>
      ) : (
        capacity(
          draft.format === 'online' ? 'capacityOnline' : 'capacityInPerson',
          t('eventsConsole.field.capacity'),
        )
      )}
      {when('registrationOpensAt', t('eventsConsole.field.opensAt'))}
      {when('registrationClosesAt', t('eventsConsole.field.closesAt'))}
      <p className="hint">{t('eventsConsole.field.windowHint')}</p>
      <AudiencePicker
        slug={props.slug}
        value={draft.audience}
        onChange={(audience) => set({ audience })}
        purpose="company_news"
        channel="inApp"
      />
    </>
  );
}
