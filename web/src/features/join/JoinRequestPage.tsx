import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { tenantName } from '../tenancy/tenant-name';

/** Public page for people who were not invited: one short form, the same answer for everyone. */
export function JoinRequestPage() {
  const { slug = '' } = useParams();
  const { t, locale } = useI18n();
  const { data: network, error: loadError } = useQuery({
    queryKey: ['networks', slug, 'join'],
    queryFn: ({ signal }) =>
      call(client.GET('/v1/networks/{slug}/join', { params: { path: { slug } }, signal })),
  });
  const [form, setForm] = useState({
    email: '',
    familyName: '',
    givenName: '',
    familyNameKana: '',
    givenNameKana: '',
    joinedYear: '',
    leftYear: '',
    department: '',
    message: '',
  });
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await call(
        client.POST('/v1/join-requests', {
          body: {
            slug,
            email: form.email,
            familyName: form.familyName,
            givenName: form.givenName,
            familyNameKana: form.familyNameKana,
            givenNameKana: form.givenNameKana,
            ...(form.joinedYear ? { joinedYear: Number(form.joinedYear) } : {}),
            ...(form.leftYear ? { leftYear: Number(form.leftYear) } : {}),
            ...(form.department ? { department: form.department } : {}),
            ...(form.message ? { message: form.message } : {}),
          },
        }),
      );
      setDone(true);
    } catch (caught) {
      setError(caught);
    }
  };

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!network) return <Loading />;
  const field = (key: keyof typeof form, type = 'text') => (
    <Field
      label={t(`join.${key}`)}
      name={key}
      type={type}
      value={form[key]}
      onChange={(value) => setForm({ ...form, [key]: value })}
      error={fieldErrorOf(error, key)}
      required={!['joinedYear', 'leftYear', 'department', 'message'].includes(key)}
    />
  );
  return (
    <section className="card narrow">
      <h1>{t('join.title', { network: tenantName(network, locale) })}</h1>
      {done ? (
        <Notice>{t('join.received')}</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('join.lead')}</p>
          {field('email', 'email')}
          <div className="grid-2">
            {field('familyName')}
            {field('givenName')}
            {field('familyNameKana')}
            {field('givenNameKana')}
            {field('joinedYear', 'number')}
            {field('leftYear', 'number')}
          </div>
          {field('department')}
          {field('message')}
          <FormError error={error} />
          <button type="submit" className="primary">
            {t('join.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
