import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { type StaffSurvey, surveyKeys } from './survey-model';

type Stage = Schemas['PulseStage'];
type Row = { months: number; surveyId: string; windowDays: string };

/** The milestones offered by default: the vendor's 3 and 6 months, and a year. */
const defaultMonths = [3, 6, 12];

/** HR's lifecycle pulses: which open survey goes out how many months after leaving, and for how long. */
export function PulseSettings({ slug, surveys }: { slug: string; surveys: readonly StaffSurvey[] }) {
  const { data, error } = useQuery({
    queryKey: surveyKeys.pulses(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/surveys/pulses', { params: { path: { slug } }, signal })),
  });
  if (!data) return error ? <ErrorMessage error={error} /> : <Loading />;
  return <PulseForm slug={slug} stages={data.stages} surveys={surveys} />;
}

function rowsOf(stages: readonly Stage[]): Row[] {
  const months = [...new Set([...defaultMonths, ...stages.map((s) => s.months)])].sort((a, b) => a - b);
  return months.map((m) => {
    const stage = stages.find((s) => s.months === m && s.enabled);
    return { months: m, surveyId: stage?.surveyId ?? '', windowDays: String(stage?.windowDays ?? 30) };
  });
}

function PulseForm(props: { slug: string; stages: readonly Stage[]; surveys: readonly StaffSurvey[] }) {
  const { t, locale } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(() => rowsOf(props.stages));
  const open = props.surveys.filter((s) => s.status === 'open');
  const chosen = rows.filter((row) => row.surveyId !== '');
  const save = useMutation({
    mutationFn: () =>
      call(
        client.PUT('/v1/t/{slug}/surveys/pulses', {
          params: { path: { slug: props.slug } },
          body: {
            stages: chosen.map((row) => ({
              months: row.months,
              surveyId: row.surveyId,
              enabled: true,
              windowDays: Number(row.windowDays),
            })),
          },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(surveyKeys.pulses(props.slug), saved),
  });
  const setRow = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };
  const title = (survey: StaffSurvey) => (locale === 'en' && survey.texts.title.en) || survey.texts.title.ja;
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('surveys.pulses.title')}</h3>
      <p className="hint">{t('surveys.pulses.lead')}</p>
      {open.length === 0 && <p className="muted">{t('surveys.pulses.noOpenSurveys')}</p>}
      <FormError error={save.error} />
      {rows.map((row, index) => {
        // The server names stages by their place among those sent.
        const at = `stages.${chosen.indexOf(row)}`;
        return (
          <fieldset key={row.months} className="card inset">
            <legend>{t('surveys.pulses.stage', { months: row.months })}</legend>
            <div className="field">
              <label htmlFor={`${id}-${row.months}-survey`}>{t('surveys.pulses.survey')}</label>
              <select
                id={`${id}-${row.months}-survey`}
                value={row.surveyId}
                onChange={(e) => setRow(index, { surveyId: e.target.value })}
              >
                <option value="">{t('surveys.pulses.none')}</option>
                {props.surveys
                  .filter((s) => s.status === 'open' || s.id === row.surveyId)
                  .map((survey) => (
                    <option key={survey.id} value={survey.id}>
                      {title(survey)}
                    </option>
                  ))}
              </select>
              {row.surveyId && fieldErrorOf(save.error, `${at}.surveyId`) && (
                <p className="field-error">{fieldErrorOf(save.error, `${at}.surveyId`)}</p>
              )}
            </div>
            {row.surveyId && (
              <div className="field">
                <label htmlFor={`${id}-${row.months}-window`}>{t('surveys.pulses.window')}</label>
                <input
                  id={`${id}-${row.months}-window`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={90}
                  value={row.windowDays}
                  aria-describedby={`${id}-${row.months}-window-hint`}
                  onChange={(e) => setRow(index, { windowDays: e.target.value })}
                />
                <p className="hint" id={`${id}-${row.months}-window-hint`}>
                  {t('surveys.pulses.windowHint')}
                </p>
                {fieldErrorOf(save.error, `${at}.windowDays`) && (
                  <p className="field-error">{fieldErrorOf(save.error, `${at}.windowDays`)}</p>
                )}
              </div>
            )}
          </fieldset>
        );
      })}
      {save.isSuccess && <Notice>{t('surveys.pulses.saved')}</Notice>}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {t('surveys.pulses.save')}
        </button>
      </div>
    </form>
  );
}
