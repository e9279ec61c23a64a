import { type FormEvent, useState } from 'react';
import { call, client } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, fieldErrorOf } from '../../../app/ui';
import { type AttendanceMode, modesOf, type StaffEvent } from './event-console-model';
import { SelectField } from './form-controls';
import { type ChosenMember, MemberSearch } from './MemberSearch';

/** HR add a member by hand: a seat if one is free, else the waitlist (outside the window and audience too). */
export function AddRegistrationForm(props: {
  slug: string;
  event: StaffEvent;
  onAdded(notice: string): void;
}) {
  const { t } = useI18n();
  const { slug, event } = props;
  const modes = modesOf(event.format);
  const [member, setMember] = useState<ChosenMember | null>(null);
  const [mode, setMode] = useState<AttendanceMode>(modes[0]!);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault();
    if (!member) return;
    setError(null);
    setBusy(true);
    try {
      const added = await call(
        client.POST('/v1/t/{slug}/events/{id}/registrations', {
          params: { path: { slug, id: event.id } },
          body: { memberId: member.id, mode, answers: {} },
        }),
      );
      const status =
        added.status === 'waitlisted'
          ? t('eventsConsole.reg.status.waitlisted', { n: added.waitlistPosition ?? '—' })
          : t(`eventsConsole.reg.status.${added.status}`);
      setMember(null);
      props.onAdded(t('eventsConsole.add.done', { name: member.displayName, status }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card inset" onSubmit={submit} noValidate aria-labelledby="event-add-title">
      <h3 id="event-add-title">{t('eventsConsole.add.title')}</h3>
      <p className="hint">{t('eventsConsole.add.hint')}</p>
      {member ? (
        <>
          {modes.length > 1 && (
            <SelectField
              label={t('eventsConsole.add.mode')}
              value={mode}
              onChange={(value) => setMode(value as AttendanceMode)}
              error={fieldErrorOf(error, 'mode')}
            >
              {modes.map((option) => (
                <option key={option} value={option}>
                  {t(`eventsConsole.mode.${option}`)}
                </option>
              ))}
            </SelectField>
          )}
          <ErrorMessage error={error} />
          <div className="toolbar">
            <button type="submit" className="primary" disabled={busy}>
              {t('eventsConsole.add.submit', { name: member.displayName })}
            </button>
            <button type="button" onClick={() => setMember(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <MemberSearch slug={slug} onChoose={setMember} />
      )}
    </form>
  );
}
