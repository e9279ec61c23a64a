import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { Field, FormError, fieldErrorOf, Notice } from '../../app/ui';
import {
  type ChatPlaceKind,
  type ChatTopic,
  chatLengths,
  chatPlaceKinds,
  chatTopics,
  japanTime,
} from './chat-model';

const empty = {
  startsAt: '',
  minutes: '30',
  placeKind: 'online' as ChatPlaceKind,
  place: '',
  topic: 'company' as ChatTopic,
  note: '',
};

/** Publishing one slot as the signed-in host: when (Japan time), how long, where, about what. */
export function ChatSlotForm({
  slug,
  onPublished,
  level = 2,
}: {
  slug: string;
  onPublished(): void;
  /** The heading's level where the form sits: 2 in the member area, 3 under the console's page title. */
  level?: 2 | 3;
}) {
  const { t } = useI18n();
  const Heading = level === 3 ? 'h3' : 'h2';
  const [form, setForm] = useState(empty);
  const [done, setDone] = useState(false);
  const set = (change: Partial<typeof empty>) => {
    setDone(false);
    setForm({ ...form, ...change });
  };
  const publish = useMutation({
    mutationFn: () =>
      call(
        client.POST('/v1/t/{slug}/community/career-chats/hosted', {
          params: { path: { slug } },
          body: {
            startsAt: form.startsAt ? japanTime(form.startsAt) : '',
            minutes: Number(form.minutes),
            placeKind: form.placeKind,
            place: form.place,
            topic: form.topic,
            note: form.note,
          },
        }),
      ),
    onSuccess: () => {
      setForm(empty);
      setDone(true);
      onPublished();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate();
  };
  const startsAtError = fieldErrorOf(publish.error, 'startsAt');
  return (
    <form className="card inset" onSubmit={submit} noValidate>
      <Heading>{t('chats.publish')}</Heading>
      <div className="field">
        <label htmlFor="chat-starts-at">{t('chats.startsAt')}</label>
        <input
          id="chat-starts-at"
          type="datetime-local"
          value={form.startsAt}
          onChange={(e) => set({ startsAt: e.target.value })}
          aria-invalid={startsAtError ? true : undefined}
          aria-describedby="chat-starts-at-hint"
        />
        <p id="chat-starts-at-hint" className="hint">
          {t('chats.startsAtHint')}
        </p>
        {startsAtError && <p className="field-error">{startsAtError}</p>}
      </div>
      <div className="field">
        <label htmlFor="chat-minutes">{t('chats.minutes')}</label>
        <select id="chat-minutes" value={form.minutes} onChange={(e) => set({ minutes: e.target.value })}>
          {chatLengths.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {t('chats.minutesValue', { minutes })}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('chats.placeKind')}</legend>
        {chatPlaceKinds.map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name="chat-place-kind"
              checked={form.placeKind === kind}
              onChange={() => set({ placeKind: kind })}
            />{' '}
            {t(`chats.placeKind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <Field
        label={form.placeKind === 'online' ? t('chats.link') : t('chats.place')}
        name="place"
        type={form.placeKind === 'online' ? 'url' : 'text'}
        value={form.place}
        onChange={(place) => set({ place })}
        error={fieldErrorOf(publish.error, 'place')}
      />
      <div className="field">
        <label htmlFor="chat-topic">{t('chats.topic')}</label>
        <select
          id="chat-topic"
          value={form.topic}
          onChange={(e) => set({ topic: e.target.value as ChatTopic })}
        >
          {chatTopics.map((topic) => (
            <option key={topic} value={topic}>
              {t(`chats.topic.${topic}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="chat-note">{t('chats.note')}</label>
        <textarea
          id="chat-note"
          rows={2}
          maxLength={1000}
          value={form.note}
          onChange={(e) => set({ note: e.target.value })}
        />
      </div>
      <FormError error={publish.error} />
      {done && <Notice>{t('chats.published')}</Notice>}
      <button type="submit" className="primary" disabled={publish.isPending}>
        {t('chats.publishButton')}
      </button>
    </form>
  );
}
