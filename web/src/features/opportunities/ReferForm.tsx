import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { Field, FormError, fieldErrorOf, Notice } from '../../app/ui';
import { opportunityKeys } from './opportunity-model';

type Whom = 'member' | 'outside';
const empty = { q: '', memberId: '', name: '', email: '', note: '' };

/**
 * 「紹介する」: a member from the directory, or someone outside by name and address. They get one
 * mail with my name; the answer is the same whoever the address belongs to.
 */
export function ReferForm({ slug, id }: { slug: string; id: string }) {
  const { t } = useI18n();
  const formId = useId();
  const [whom, setWhom] = useState<Whom>('member');
  const [form, setForm] = useState(empty);
  const [search, setSearch] = useState('');
  const people = useQuery({
    queryKey: ['t', slug, 'opportunities', 'refer-people', search],
    enabled: whom === 'member' && search.trim() !== '',
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/people', {
          params: { path: { slug }, query: { q: search } },
          signal,
        }),
      ),
  });
  const queryClient = useQueryClient();
  const refer = useMutation({
    mutationFn: () =>
      call(
        client.POST('/v1/t/{slug}/community/opportunities/{id}/referrals', {
          params: { path: { slug, id } },
          body:
            whom === 'member'
              ? { memberId: form.memberId, note: form.note }
              : { name: form.name, email: form.email, note: form.note },
        }),
      ),
    onSuccess: () => {
      setForm(empty);
      setSearch('');
      queryClient.invalidateQueries({ queryKey: opportunityKeys.sentReferrals(slug) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    refer.mutate();
  };
  const find = (event: FormEvent) => {
    event.preventDefault();
    setSearch(form.q);
  };
  const choose = (next: Whom) => {
    setWhom(next);
    refer.reset();
  };
  const found = (people.data?.people ?? []).slice(0, 8);
  return (
    <section className="card" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('referral.title')}</h2>
      <p className="hint">{t('referral.lead')}</p>
      {refer.isSuccess && <Notice>{t('referral.done')}</Notice>}
      <fieldset className="choices">
        <legend>{t('referral.whom')}</legend>
        {(['member', 'outside'] as const).map((value) => (
          <div className="choice" key={value}>
            <input
              type="radio"
              id={`${formId}-whom-${value}`}
              name={`${formId}-whom`}
              checked={whom === value}
              onChange={() => choose(value)}
            />
            <label htmlFor={`${formId}-whom-${value}`}>{t(`referral.whom.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      {whom === 'member' && (
        <form onSubmit={find}>
          <Field
            label={t('referral.search')}
            name="q"
            type="search"
            value={form.q}
            onChange={(q) => setForm({ ...form, q })}
          />
          <button type="submit">{t('referral.searchButton')}</button>
        </form>
      )}
      <form onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
        {whom === 'member' && search && (
          <fieldset className="choices">
            <legend>{t('referral.pick')}</legend>
            {found.length === 0 && !people.isPending && <p className="muted">{t('referral.noneFound')}</p>}
            {found.map((person) => (
              <div className="choice" key={person.id}>
                <input
                  type="radio"
                  id={`${formId}-member-${person.id}`}
                  name={`${formId}-member`}
                  checked={form.memberId === person.id}
                  onChange={() => setForm({ ...form, memberId: person.id })}
                />
                <label htmlFor={`${formId}-member-${person.id}`}>{person.displayName}</label>
              </div>
            ))}
            {fieldErrorOf(refer.error, 'memberId') && (
              <p className="field-error">{fieldErrorOf(refer.error, 'memberId')}</p>
            )}
          </fieldset>
        )}
        {whom === 'outside' && (
          <>
            <Field
              label={t('referral.name')}
              name="name"
              value={form.name}
              required
              onChange={(name) => setForm({ ...form, name })}
              error={fieldErrorOf(refer.error, 'name')}
            />
            <Field
              label={t('referral.email')}
              name="email"
              type="email"
              inputMode="email"
              autoComplete="off"
              value={form.email}
              required
              onChange={(email) => setForm({ ...form, email })}
              error={fieldErrorOf(refer.error, 'email')}
            />
          </>
        )}
        <div className="field">
          <label htmlFor={`${formId}-note`}>{t('referral.note')}</label>
          <textarea
            id={`${formId}-note`}
            rows={2}
            maxLength={500}
            value={form.note}
            onChange={(e) => setForm({ ...form, note: e.target.value })}
          />
        </div>
        <FormError error={refer.error} />
        <button
          type="submit"
          className="primary"
          disabled={refer.isPending || (whom === 'member' && !form.memberId)}
        >
          {t('referral.submit')}
        </button>
      </form>
    </section>
  );
}
