import { type FormEvent, useState } from 'react';
import { call, client } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { FormError, fieldErrorOf, Notice } from '../../../app/ui';
import { TextAreaField } from './form-controls';

/** A message to everyone registered: in the app, and by e-mail to those who chose it. */
export function MessageRegistrants(props: { slug: string; eventId: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault();
    setError(null);
    setSent(null);
    setBusy(true);
    try {
      const result = await call(
        client.POST('/v1/t/{slug}/events/{id}/message', {
          params: { path: { slug: props.slug, id: props.eventId } },
          body: { text },
        }),
      );
      setSent(result.recipients);
      setText('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card inset" onSubmit={submit} noValidate aria-labelledby="event-message-title">
      <h3 id="event-message-title">{t('eventsConsole.message.title')}</h3>
      <TextAreaField
        label={t('eventsConsole.message.text')}
        value={text}
        rows={4}
        maxLength={1000}
        onChange={setText}
        hint={t('eventsConsole.message.hint')}
        error={fieldErrorOf(error, 'text')}
      />
      <FormError error={error} />
      {sent !== null && <Notice>{t('eventsConsole.message.done', { count: sent })}</Notice>}
      <button type="submit" disabled={busy}>
        {t('eventsConsole.message.submit')}
      </button>
    </form>
  );
}
