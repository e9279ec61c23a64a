import { type FormEvent, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { Field, FormError, fieldErrorOf, Notice } from '../../app/ui';

const empty = { networkNameJa: '', networkNameEn: '', slug: '', ownerName: '', email: '' };

export function SignUpPage() {
  const { t, locale } = useI18n();
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof empty) => (value: string) =>
    setForm((current) => ({ ...current, [name]: value }));
  const fieldError = (name: string) => fieldErrorOf(error, name);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(client.POST('/v1/signup', { body: { ...form, locale } }));
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <section className="card narrow">
        <h1>{t('signUp.sentTitle')}</h1>
        <Notice>{t('signUp.sent', { email: form.email })}</Notice>
      </section>
    );
  }
  return (
    <section className="card narrow">
      <h1>{t('signUp.title')}</h1>
      <p>{t('signUp.lead')}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('signUp.networkNameJa')}
          name="networkNameJa"
          value={form.networkNameJa}
          onChange={set('networkNameJa')}
          hint={t('signUp.networkNameJaHint')}
          error={fieldError('networkNameJa')}
          required
        />
        <Field
          label={t('signUp.networkNameEn')}
          name="networkNameEn"
          value={form.networkNameEn}
          onChange={set('networkNameEn')}
          error={fieldError('networkNameEn')}
          required
        />
        <Field
          label={t('signUp.slug')}
          name="slug"
          value={form.slug}
          onChange={set('slug')}
          hint={t('signUp.slugHint')}
          error={fieldError('slug')}
          required
        />
        <Field
          label={t('signUp.ownerName')}
          name="ownerName"
          value={form.ownerName}
          onChange={set('ownerName')}
          autoComplete="name"
          error={fieldError('ownerName')}
          required
        />
        <Field
          label={t('signUp.email')}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          value={form.email}
          onChange={set('email')}
          error={fieldError('email')}
          required
        />
        <FormError error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('signUp.submit')}
        </button>
      </form>
    </section>
  );
}
