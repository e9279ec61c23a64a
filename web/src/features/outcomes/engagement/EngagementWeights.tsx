import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { call, client } from '../../../app/api';
import type { Schemas } from '../../../app/api/types';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages/ja';
import { FormError, Notice } from '../../../app/ui';

type Weights = Schemas['EngagementWeights'];
export const ingredients = [
  'visits',
  'reads',
  'posts',
  'comments',
  'eventsAttended',
  'surveysAnswered',
] as const;

/** The score's weights, shown with their defaults and changed by HR for their network (audited). */
export function EngagementWeights(props: { slug: string; weights: Weights; defaults: Weights }) {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Weights>(props.weights);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    try {
      await call(
        client.PUT('/v1/t/{slug}/outcomes/engagement/weights', {
          params: { path: { slug: props.slug } },
          body: { weights: draft },
        }),
      );
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['t', props.slug, 'outcomes', 'engagement'] });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="card">
      <fieldset>
        <legend>{t('outcomes.engagement.weights')}</legend>
        <p className="hint">{t('outcomes.engagement.weightsHint')}</p>
        {ingredients.map((key) => (
          <div key={key} className="field">
            <label htmlFor={`${id}-${key}`}>{t(`outcomes.engagement.${key}` as MessageKey)}</label>
            <input
              id={`${id}-${key}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              value={draft[key]}
              aria-describedby={`${id}-${key}-default`}
              onChange={(event) => setDraft({ ...draft, [key]: Number(event.target.value) })}
            />
            <p className="hint" id={`${id}-${key}-default`}>
              {t('outcomes.engagement.default', { value: props.defaults[key] })}
            </p>
          </div>
        ))}
      </fieldset>
      <FormError error={error} />
      {saved && <Notice>{t('outcomes.engagement.weightsSaved')}</Notice>}
      <div className="actions">
        <button type="submit">{t('outcomes.engagement.saveWeights')}</button>
        <button type="button" className="secondary" onClick={() => setDraft(props.defaults)}>
          {t('outcomes.engagement.useDefaults')}
        </button>
      </div>
    </form>
  );
}
