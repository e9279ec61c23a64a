import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { call, client } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, Loading, Notice } from '../../../app/ui';
import { useConsoleHome } from '../../admin/AdminLayout';
import { CoverPicker } from './CoverPicker';
import { EventConsoleNav } from './EventConsoleNav';
import { EventFields } from './EventFields';
import { EventSeats } from './EventSeats';
import { eventConsoleKeys, type StaffEvent } from './event-console-model';
import { changesTimeOrPlace, draftOf, type EventDraft, emptyDraft, valuesOf } from './event-draft';
import { QuestionsEditor } from './QuestionsEditor';
import { SpeakersEditor } from './SpeakersEditor';
import { useStaffEvent } from './use-staff-event';

/** Creating or editing an event; publishing it, changing its time (registrants are told) or cancelling it. */
export function AdminEventEditorPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const loaded = useStaffEvent(slug, id);
  const event = loaded.data;
  const [draft, setDraft] = useState<EventDraft | null>(id ? null : emptyDraft);
  useEffect(() => {
    if (event) setDraft(draftOf(event));
  }, [event]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  // The draft a new event's first save made: later saves change it rather than make another, even when
  // publishing it then failed (a missing venue, say) before the page moved to its address.
  const created = useRef<string | null>(null);

  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!draft) return <Loading />;
  const set = (changes: Partial<EventDraft>) => setDraft({ ...draft, ...changes });
  const status = event?.status ?? 'draft';

  const keep = async (saved: StaffEvent) => {
    queryClient.setQueryData(eventConsoleKeys.one(slug, saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: eventConsoleKeys.all(slug) });
  };
  /** Saves what is on screen; a new event becomes a draft with its own address. */
  const save = async (): Promise<StaffEvent> => {
    const body = valuesOf(draft);
    const target = id ?? created.current;
    const saved = target
      ? await call(client.PATCH('/v1/t/{slug}/events/{id}', { params: { path: { slug, id: target } }, body }))
      : await call(client.POST('/v1/t/{slug}/events', { params: { path: { slug } }, body }));
    created.current = saved.id;
    await keep(saved);
    return saved;
  };
  const run = async (work: () => Promise<string>) => {
    setError(null);
    setNotice('');
    setBusy(true);
    try {
      setNotice(await work());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      if (!id && created.current) navigate(`/t/${slug}/admin/events/${created.current}`, { replace: true });
    }
  };
  const told = () =>
    !event ||
    status !== 'published' ||
    !changesTimeOrPlace(event, draft) ||
    window.confirm(t('eventsConsole.confirmChange'));
  const onSave = (submit: FormEvent) => {
    submit.preventDefault();
    if (!told()) return;
    run(async () => {
      await save();
      return t('eventsConsole.saved');
    });
  };
  const publish = () =>
    run(async () => {
      const saved = await save();
      const done = await call(
        client.POST('/v1/t/{slug}/events/{id}/publish', { params: { path: { slug, id: saved.id } } }),
      );
      await keep(done);
      return t('eventsConsole.published');
    });
  const cancel = () => {
    if (!id || !window.confirm(t('eventsConsole.confirmCancel', { title: event?.title ?? draft.title })))
      return;
    run(async () => {
      const done = await call(
        client.POST('/v1/t/{slug}/events/{id}/cancel', { params: { path: { slug, id } } }),
      );
      await keep(done);
      return t('eventsConsole.cancelled');
    });
  };
  const cancelled = status === 'cancelled';

  return (
    <section aria-labelledby="event-editor-title">
      <EventConsoleNav slug={slug} id={id} />
      <h2 id="event-editor-title">{id ? t('eventsConsole.editTitle') : t('eventsConsole.newTitle')}</h2>
      {event && (
        <p className="small">
          <span className={`badge${status === 'published' ? '' : ' subtle'}`}>
            {t(`eventsConsole.status.${status}`)}
          </span>{' '}
          <EventSeats event={event} />
        </p>
      )}
      {notice && <Notice>{notice}</Notice>}
      {cancelled && <p className="muted">{t('eventsConsole.cancelledNote')}</p>}
      {status === 'published' && <p className="hint">{t('eventsConsole.changeNotice')}</p>}
      <form onSubmit={onSave} noValidate>
        <fieldset disabled={cancelled || busy} className="plain-fieldset">
          <EventFields slug={slug} draft={draft} set={set} error={error} />
          <CoverPicker slug={slug} cover={draft.cover} alt={draft.coverAlt} onChange={set} error={error} />
          <QuestionsEditor
            questions={draft.questions}
            onChange={(questions) => set({ questions })}
            error={error}
          />
          <SpeakersEditor
            slug={slug}
            speakers={draft.speakers}
            onChange={(speakers) => set({ speakers })}
            error={error}
          />
          <ErrorMessage error={error} />
          <div className="actions">
            <button type="submit">
              {status === 'draft' ? t('eventsConsole.save') : t('eventsConsole.saveChanges')}
            </button>
            {status === 'draft' && (
              <button type="button" className="primary" onClick={publish}>
                {t('eventsConsole.publish')}
              </button>
            )}
          </div>
        </fieldset>
      </form>
      {id && !cancelled && (
        <p>
          <button type="button" className="danger" onClick={cancel} disabled={busy}>
            {t('eventsConsole.cancelEvent')}
          </button>
        </p>
      )}
    </section>
  );
}
