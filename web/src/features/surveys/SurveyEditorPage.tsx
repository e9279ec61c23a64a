import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { AudiencePicker, type AudienceSpec, everyMember } from '../programmes/AudiencePicker';
import { QuestionEditor } from './QuestionEditor';
import { emptySurvey, newQuestion, type StaffSurvey, type SurveyInput, surveyKeys } from './survey-model';

/** `2026-12-24T18:00` in the browser's zone, as the datetime-local input shows it. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function inputOf(survey: StaffSurvey): SurveyInput {
  return {
    texts: survey.texts,
    questions: survey.questions,
    anonymity: survey.anonymity,
    audience: survey.audience,
    closesAt: survey.closesAt,
  };
}

/** The console's survey builder: a new draft, or a draft being edited. */
export function SurveyEditorPage() {
  const { id } = useParams();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const { data, error } = useQuery({
    queryKey: surveyKeys.staff(slug, id ?? ''),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/surveys/{id}', { params: { path: { slug, id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  });
  if (!id) return <SurveyForm slug={slug} initial={emptySurvey()} />;
  if (!data) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <SurveyForm
      key={data.id}
      slug={slug}
      id={data.id}
      initial={inputOf(data)}
      frozen={data.status !== 'draft'}
    />
  );
}

function SurveyForm(props: { slug: string; id?: string; initial: SurveyInput; frozen?: boolean }) {
  const { t } = useI18n();
  const formId = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { slug } = props;
  const [survey, setSurvey] = useState<SurveyInput>(props.initial);
  const location = useLocation();
  // A new draft moves to its own address once saved; the notice travels with it.
  const [notice, setNotice] = useState<string | null>(
    (location.state as { saved?: boolean } | null)?.saved ? t('surveys.editor.saved') : null,
  );
  const base = `/t/${slug}/admin/surveys`;

  const save = useMutation({
    mutationFn: () =>
      props.id
        ? call(
            client.PUT('/v1/t/{slug}/surveys/{id}', {
              params: { path: { slug, id: props.id } },
              body: survey,
            }),
          )
        : call(client.POST('/v1/t/{slug}/surveys', { params: { path: { slug } }, body: survey })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.staffList(slug) });
      queryClient.setQueryData(surveyKeys.staff(slug, saved.id), saved);
      setNotice(t('surveys.editor.saved'));
      if (!props.id) navigate(`${base}/${saved.id}/edit`, { replace: true, state: { saved: true } });
    },
  });
  const open = useMutation({
    mutationFn: async () => {
      const saved = props.id
        ? await call(
            client.PUT('/v1/t/{slug}/surveys/{id}', {
              params: { path: { slug, id: props.id } },
              body: survey,
            }),
          )
        : await call(client.POST('/v1/t/{slug}/surveys', { params: { path: { slug } }, body: survey }));
      return call(
        client.POST('/v1/t/{slug}/surveys/{id}/status', {
          params: { path: { slug, id: saved.id } },
          body: { status: 'open' },
        }),
      );
    },
    onSuccess: async (opened) => {
      await queryClient.invalidateQueries({ queryKey: ['surveys', slug] });
      navigate(`${base}/${opened.id}`);
    },
  });
  const error = save.error ?? open.error;
  const fieldError = (path: string) => fieldErrorOf(error, path);
  const texts = survey.texts;
  const setText = (key: keyof SurveyInput['texts'], language: 'ja' | 'en', value: string) =>
    setSurvey({ ...survey, texts: { ...texts, [key]: { ...texts[key], [language]: value } } });
  const audience: AudienceSpec = { ...everyMember, ...survey.audience };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    save.mutate();
  };

  if (props.frozen) return <Notice>{t('surveys.editor.frozen')}</Notice>;
  return (
    <form onSubmit={submit} noValidate className="survey-form">
      <h2>{props.id ? t('surveys.editor.editTitle') : t('surveys.editor.newTitle')}</h2>
      {notice && <Notice>{notice}</Notice>}
      <FormError error={error} />
      <fieldset className="card inset">
        <legend>{t('surveys.editor.texts')}</legend>
        <p className="hint">{t('surveys.editor.englishHint')}</p>
        <Field
          label={t('surveys.editor.titleJa')}
          name="texts.title.ja"
          value={texts.title.ja}
          onChange={(value) => setText('title', 'ja', value)}
          error={fieldError('texts.title.ja')}
          required
        />
        <Field
          label={t('surveys.editor.titleEn')}
          name="texts.title.en"
          value={texts.title.en}
          onChange={(value) => setText('title', 'en', value)}
          error={fieldError('texts.title.en')}
        />
        {(['welcome', 'thanks'] as const).map((key) =>
          (['ja', 'en'] as const).map((language) => (
            <div className="field" key={`${key}-${language}`}>
              <label htmlFor={`${formId}-${key}-${language}`}>
                {t(`surveys.editor.${key}${language === 'ja' ? 'Ja' : 'En'}`)}
              </label>
              <textarea
                id={`${formId}-${key}-${language}`}
                rows={3}
                value={texts[key][language]}
                onChange={(e) => setText(key, language, e.target.value)}
              />
            </div>
          )),
        )}
      </fieldset>
      <fieldset className="choices card inset">
        <legend>{t('surveys.editor.anonymity')}</legend>
        {(['named', 'anonymous'] as const).map((anonymity) => (
          <div className="choice" key={anonymity}>
            <input
              id={`${formId}-${anonymity}`}
              type="radio"
              name="anonymity"
              checked={survey.anonymity === anonymity}
              onChange={() =>
                setSurvey({
                  ...survey,
                  anonymity,
                  // An anonymous answer is linked to nobody, so it cannot record would-return.
                  questions:
                    anonymity === 'anonymous'
                      ? survey.questions.map((q) => ({ ...q, wouldReturn: null }))
                      : survey.questions,
                })
              }
            />
            <label htmlFor={`${formId}-${anonymity}`}>{t(`surveys.editor.${anonymity}`)}</label>
          </div>
        ))}
      </fieldset>
      <AudiencePicker
        slug={slug}
        value={audience}
        onChange={(spec) => setSurvey({ ...survey, audience: spec })}
        purpose="company_contact"
        channel="email"
        kind="survey_invited"
        offerRecords
      />
      <Field
        label={t('surveys.editor.closesAt')}
        name="closesAt"
        type="datetime-local"
        value={toLocalInput(survey.closesAt)}
        onChange={(value) => setSurvey({ ...survey, closesAt: value ? new Date(value).toISOString() : null })}
        error={fieldError('closesAt')}
      />
      <h3>{t('surveys.editor.questions')}</h3>
      {survey.questions.map((question, index) => (
        <QuestionEditor
          key={question.id}
          question={question}
          index={index}
          earlier={survey.questions.slice(0, index)}
          named={survey.anonymity === 'named'}
          error={error}
          onChange={(changed) =>
            setSurvey({ ...survey, questions: survey.questions.map((q, i) => (i === index ? changed : q)) })
          }
          onRemove={() => setSurvey({ ...survey, questions: survey.questions.filter((_, i) => i !== index) })}
        />
      ))}
      <p>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setSurvey({
              ...survey,
              questions: [
                ...survey.questions,
                newQuestion(
                  'single',
                  survey.questions.map((q) => q.id),
                ),
              ],
            })
          }
        >
          {t('surveys.editor.addQuestion')}
        </button>
      </p>
      <div className="actions">
        <button type="submit" className="secondary" disabled={save.isPending || open.isPending}>
          {t('surveys.editor.save')}
        </button>
        <button
          type="button"
          disabled={save.isPending || open.isPending}
          onClick={() => {
            setNotice(null);
            open.mutate();
          }}
        >
          {t('surveys.editor.open')}
        </button>
      </div>
      <p className="hint">{t('surveys.editor.openConfirm')}</p>
    </form>
  );
}
