import { type FormEvent, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { Field, FormError, fieldErrorOf, Notice } from '../../app/ui';

/** A member suggests a former colleague; HR takes it from there. */
export function ReferralForm({ slug }: { slug: string }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ email: '', name: '', note: '' });
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    try {
      await call(
        client.POST('/v1/t/{slug}/referrals', {
          params: { path: { slug } },
          body: {
            email: form.email,
            ...(form.name ? { name: form.name } : {}),
            ...(form.note ? { note: form.note } : {}),
          },
        }),
      );
      setDone(true);
      setForm({ email: '', name: '', note: '' });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t('refer.title')}</h2>
      <p className="hint">{t('refer.lead')}</p>
      {done && <Notice>{t('refer.received')}</Notice>}
      <Field
        label={t('refer.email')}
        name="email"
        type="email"
        value={form.email}
        onChange={(email) => setForm({ ...form, email })}
        error={fieldErrorOf(error, 'email')}
        required
      />
      <Field
        label={t('refer.name')}
        name="name"
        value={form.name}
        onChange={(name) => setForm({ ...form, name })}
      />
      <Field
        label={t('refer.note')}
        name="note"
        value={form.note}
        onChange={(note) => setForm({ ...form, note })}
      />
      <FormError error={error} />
      <button type="submit" className="secondary">
        {t('refer.submit')}
      </button>
    </form>
  );
}
