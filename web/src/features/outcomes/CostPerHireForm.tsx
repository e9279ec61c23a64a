import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { FormError, fieldErrorOf, Notice } from '../../app/ui';

type Cost = NonNullable<Schemas['CostPerHire']>;

/** The network's own cost per hire, which the saving is worked out from; changes are audited. */
export function CostPerHireForm({ slug, current }: { slug: string; current: Cost | null }) {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Cost['kind']>(current?.kind ?? 'agency_fee');
  const [yen, setYen] = useState(current?.kind === 'fixed' ? String(current.yen) : '');
  const [percent, setPercent] = useState(current?.kind === 'agency_fee' ? String(current.percent) : '35');
  const [salary, setSalary] = useState(current?.kind === 'agency_fee' ? String(current.annualSalaryYen) : '');
  const save = useMutation({
    mutationFn: () =>
      call(
        client.PUT('/v1/t/{slug}/outcomes/cost-per-hire', {
          params: { path: { slug } },
          body: {
            costPerHire:
              kind === 'fixed'
                ? { kind, yen: Number(yen) }
                : { kind, percent: Number(percent), annualSalaryYen: Number(salary) },
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outcomes', slug] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const number = (
    name: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    path: string,
  ) => {
    const error = fieldErrorOf(save.error, path);
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          id={`${id}-${name}`}
          inputMode="decimal"
          value={value}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${name}-error` : undefined}
          onChange={(event) => onChange(event.target.value.replace(/[,，]/g, ''))}
        />
        {error && (
          <p className="field-error" id={`${id}-${name}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };
  return (
    <details className="card">
      <summary>{t('outcomes.money.setting')}</summary>
      <form onSubmit={submit}>
        <p className="hint">{t('outcomes.money.settingHint')}</p>
        <fieldset className="segmented wrap">
          <legend>{t('outcomes.money.kind')}</legend>
          {(['agency_fee', 'fixed'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name={`${id}-kind`}
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              {t(`outcomes.money.kind.${option}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'fixed' ? (
          number('yen', t('outcomes.money.yenLabel'), yen, setYen, 'costPerHire.yen')
        ) : (
          <div className="filters">
            {number(
              'salary',
              t('outcomes.money.salaryLabel'),
              salary,
              setSalary,
              'costPerHire.annualSalaryYen',
            )}
            {number('percent', t('outcomes.money.percentLabel'), percent, setPercent, 'costPerHire.percent')}
          </div>
        )}
        <FormError error={save.error} />
        {save.isSuccess && <Notice>{t('common.saved')}</Notice>}
        <button type="submit" className="button primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}
