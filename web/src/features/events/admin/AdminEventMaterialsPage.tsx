import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { call, client } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, Field, fieldErrorOf, Loading, Notice } from '../../../app/ui';
import { useConsoleHome } from '../../admin/AdminLayout';
import { EventConsoleNav } from './EventConsoleNav';
import { eventConsoleKeys } from './event-console-model';
import { formatInZone } from './event-times';
import { CheckField } from './form-controls';
import { useStaffEvent } from './use-staff-event';

const emptyMaterial = { title: '', url: '', note: '', attendeesOnly: false };

/**
 * 資料: links staff share from an event (slides, a recording, a write-up), added before or after it.
 * Members in the audience see them on the event's page once it has ended; attendees-only ones only
 * those checked in.
 */
export function AdminEventMaterialsPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const queryClient = useQueryClient();
  const loaded = useStaffEvent(slug, id);
  const key = eventConsoleKeys.materials(slug, id);
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/events/{id}/materials', { params: { path: { slug, id } }, signal })),
  });
  const [draft, setDraft] = useState(emptyMaterial);
  // The material being changed in the form; null while the form adds a new one.
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const add = useMutation({
    mutationFn: () =>
      call(
        client.POST('/v1/t/{slug}/events/{id}/materials', { params: { path: { slug, id } }, body: draft }),
      ),
    onSuccess: async () => {
      setDraft(emptyMaterial);
      setNotice(t('eventsConsole.materials.added'));
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const save = useMutation({
    mutationFn: (materialId: string) =>
      call(
        client.PATCH('/v1/t/{slug}/events/{id}/materials/{materialId}', {
          params: { path: { slug, id, materialId } },
          body: draft,
        }),
      ),
    onSuccess: async () => {
      setEditing(null);
      setDraft(emptyMaterial);
      setNotice(t('eventsConsole.materials.saved'));
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (materialId: string) =>
      call(
        client.DELETE('/v1/t/{slug}/events/{id}/materials/{materialId}', {
          params: { path: { slug, id, materialId } },
        }),
      ),
    onSuccess: async (_, materialId) => {
      if (editing === materialId) stopEditing();
      setNotice(t('eventsConsole.materials.removed'));
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  function stopEditing() {
    setEditing(null);
    setDraft(emptyMaterial);
    save.reset();
  }
  const event = loaded.data;
  const materials = list.data?.materials;
  if (loaded.error || list.error) return <ErrorMessage error={loaded.error ?? list.error} />;
  if (!event || !materials) return <Loading />;
  const pending = editing ? save : add;
  const onSubmit = (submit: FormEvent) => {
    submit.preventDefault();
    setNotice('');
    if (editing) save.mutate(editing);
    else add.mutate();
  };
  const set = (changes: Partial<typeof draft>) => setDraft({ ...draft, ...changes });
  return (
    <section aria-labelledby="event-materials-title">
      <EventConsoleNav slug={slug} id={id} />
      <h2 id="event-materials-title">{t('eventsConsole.materials.title')}</h2>
      <p>
        <strong>{event.title}</strong>{' '}
        <span className="small muted">{formatInZone(event.startsAt, event.timeZone, locale)}</span>
      </p>
      <p className="hint">
        {t('eventsConsole.materials.lead', { date: formatInZone(event.endsAt, event.timeZone, locale) })}
      </p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={remove.error} />
      {materials.length === 0 ? (
        <p className="muted">{t('eventsConsole.materials.none')}</p>
      ) : (
        <ul className="list">
          {materials.map((material) => (
            <li key={material.id} className="list-row">
              <div>
                <a href={material.url} target="_blank" rel="noopener noreferrer">
                  {material.title}
                </a>
                {material.attendeesOnly && (
                  <span className="badge subtle">{t('eventsConsole.materials.attendeesOnlyBadge')}</span>
                )}
                {material.note && <p className="muted small">{material.note}</p>}
              </div>
              <div className="actions">
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('eventsConsole.materials.editOne', { title: material.title })}
                  onClick={() => {
                    setNotice('');
                    add.reset();
                    save.reset();
                    setEditing(material.id);
                    setDraft({
                      title: material.title,
                      url: material.url,
                      note: material.note,
                      attendeesOnly: material.attendeesOnly,
                    });
                    document.getElementById('event-material-form')?.scrollIntoView({ block: 'start' });
                  }}
                >
                  {t('eventsConsole.materials.edit')}
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('eventsConsole.materials.removeOne', { title: material.title })}
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(t('eventsConsole.materials.confirmRemove', { title: material.title })))
                      remove.mutate(material.id);
                  }}
                >
                  {t('eventsConsole.materials.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form
        id="event-material-form"
        onSubmit={onSubmit}
        noValidate
        className="card"
        aria-labelledby="event-material-form-title"
      >
        <h3 id="event-material-form-title">
          {editing ? t('eventsConsole.materials.editTitle') : t('eventsConsole.materials.add')}
        </h3>
        <Field
          label={t('eventsConsole.materials.field.title')}
          name="materialTitle"
          value={draft.title}
          onChange={(title) => set({ title })}
          error={fieldErrorOf(pending.error, 'title')}
          required
        />
        <Field
          label={t('eventsConsole.materials.field.url')}
          name="materialUrl"
          type="url"
          value={draft.url}
          onChange={(url) => set({ url })}
          hint={t('eventsConsole.materials.field.urlHint')}
          error={fieldErrorOf(pending.error, 'url')}
          required
        />
        <Field
          label={t('eventsConsole.materials.field.note')}
          name="materialNote"
          value={draft.note}
          onChange={(note) => set({ note })}
          error={fieldErrorOf(pending.error, 'note')}
        />
        <CheckField
          label={t('eventsConsole.materials.field.attendeesOnly')}
          checked={draft.attendeesOnly}
          onChange={(attendeesOnly) => set({ attendeesOnly })}
        />
        <ErrorMessage error={pending.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={pending.isPending}>
            {editing ? t('eventsConsole.materials.save') : t('eventsConsole.materials.submit')}
          </button>
          {editing && (
            <button type="button" onClick={stopEditing}>
              {t('eventsConsole.materials.stopEditing')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
