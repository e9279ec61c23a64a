import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { Field, FormError, fieldErrorOf, Notice } from '../../app/ui';
import { type ProposalCategory, proposalCategories, proposalKeys } from './proposal-model';

/** A member writes to the company: subject, text, an optional category, by name or anonymously. */
export function ProposalForm({ slug, onSent }: { slug: string; onSent(): void }) {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [category, setCategory] = useState<ProposalCategory | ''>('');
  const [anonymous, setAnonymous] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      call(
        client.POST('/v1/t/{slug}/community/proposals', {
          params: { path: { slug } },
          body: { title, body, category: category || null, anonymous },
        }),
      ),
    onSuccess: async () => {
      setTitle('');
      setBody('');
      setCategory('');
      setAnonymous(false);
      await queryClient.invalidateQueries({ queryKey: proposalKeys.memberAll(slug) });
      onSent();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!send.isPending) send.mutate();
  };
  const bodyError = fieldErrorOf(send.error, 'body');
  return (
    <form className="card" onSubmit={onSubmit} noValidate>
      <h2>{t('proposals.new')}</h2>
      <FormError error={send.error} />
      {send.isSuccess && <Notice>{t('proposals.sent')}</Notice>}
      <Field
        label={t('proposals.field.title')}
        name="title"
        value={title}
        onChange={setTitle}
        required
        error={fieldErrorOf(send.error, 'title')}
      />
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('proposals.field.body')}</label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={6}
          required
          maxLength={4000}
          value={body}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={bodyError ? `${id}-body-error` : undefined}
          onChange={(event) => setBody(event.target.value)}
        />
        {bodyError && (
          <p className="field-error" id={`${id}-body-error`}>
            {bodyError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('proposals.field.category')}</label>
        <select
          id={`${id}-category`}
          value={category}
          onChange={(event) => setCategory(event.target.value as ProposalCategory | '')}
        >
          <option value="">{t('proposals.category.none')}</option>
          {proposalCategories.map((value) => (
            <option key={value} value={value}>
              {t(`proposals.category.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="check">
        <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
        {t('proposals.field.anonymous')}
      </label>
      <p className="hint">{t(anonymous ? 'proposals.anonymousHint' : 'proposals.namedHint')}</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={send.isPending}>
          {t('proposals.send')}
        </button>
      </div>
    </form>
  );
}
