import { useId } from 'react';
import { useI18n } from '../../app/i18n';
import { Field, fieldErrorOf } from '../../app/ui';
import { isChoice, nextKey, type Question, type QuestionType, questionTypes } from './survey-model';
import { WouldReturnEditor } from './WouldReturnEditor';

/** One question of the builder: type, wording in both languages, choices and the condition to show it. */
export function QuestionEditor(props: {
  question: Question;
  index: number;
  earlier: readonly Question[];
  /** A named survey: a single choice question may record would-return. */
  named: boolean;
  error: unknown;
  onChange(question: Question): void;
  onRemove(): void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const { question, index } = props;
  const at = `questions.${index}`;
  const n = index + 1;
  const set = (patch: Partial<Question>) => props.onChange({ ...question, ...patch });
  const setType = (type: QuestionType) =>
    set({
      type,
      wouldReturn: type === 'single' ? question.wouldReturn : null,
      options: isChoice(type)
        ? question.options.length >= 2
          ? question.options
          : [
              { id: 'o1', label: { ja: '', en: '' } },
              { id: 'o2', label: { ja: '', en: '' } },
            ]
        : [],
    });
  const choiceQuestions = props.earlier.filter((earlier) => isChoice(earlier.type));
  const condition = question.showIf;
  const conditionSource = choiceQuestions.find((earlier) => earlier.id === condition?.questionId);
  const say = (wording: { ja: string; en: string }) =>
    locale === 'en' && wording.en ? wording.en : wording.ja;
  return (
    <fieldset className="card inset">
      <legend>{t('surveys.editor.question', { n })}</legend>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('surveys.editor.type')}</label>
        <select
          id={`${id}-type`}
          value={question.type}
          onChange={(e) => setType(e.target.value as QuestionType)}
        >
          {questionTypes.map((type) => (
            <option key={type} value={type}>
              {t(`surveys.type.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t('surveys.editor.textJa')}
        name={`${at}.text.ja`}
        value={question.text.ja}
        onChange={(ja) => set({ text: { ...question.text, ja } })}
        error={fieldErrorOf(props.error, `${at}.text.ja`)}
        required
      />
      <Field
        label={t('surveys.editor.textEn')}
        name={`${at}.text.en`}
        value={question.text.en}
        onChange={(en) => set({ text: { ...question.text, en } })}
        error={fieldErrorOf(props.error, `${at}.text.en`)}
      />
      <div className="field checkbox">
        <input
          id={`${id}-required`}
          type="checkbox"
          checked={question.required}
          onChange={(e) => set({ required: e.target.checked })}
        />
        <label htmlFor={`${id}-required`}>{t('surveys.editor.required')}</label>
      </div>
      {isChoice(question.type) && (
        <fieldset className="choices">
          <legend>{t('surveys.editor.options')}</legend>
          {question.options.map((option, optionIndex) => {
            const m = optionIndex + 1;
            const setLabel = (label: { ja: string; en: string }) =>
              set({ options: question.options.map((o, i) => (i === optionIndex ? { ...o, label } : o)) });
            return (
              <div key={option.id} className="option-editor">
                <Field
                  label={t('surveys.editor.optionJa', { n: m })}
                  name={`${at}.options.${optionIndex}.label.ja`}
                  value={option.label.ja}
                  onChange={(ja) => setLabel({ ...option.label, ja })}
                  error={fieldErrorOf(props.error, `${at}.options.${optionIndex}.label.ja`)}
                  required
                />
                <Field
                  label={t('surveys.editor.optionEn', { n: m })}
                  name={`${at}.options.${optionIndex}.label.en`}
                  value={option.label.en}
                  onChange={(en) => setLabel({ ...option.label, en })}
                />
                {question.options.length > 2 && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      set({
                        options: question.options.filter((_, i) => i !== optionIndex),
                        wouldReturn: question.wouldReturn && {
                          yes: question.wouldReturn.yes.filter((o) => o !== option.id),
                          no: question.wouldReturn.no.filter((o) => o !== option.id),
                        },
                      })
                    }
                  >
                    {t('surveys.editor.removeOption', { n: m })}
                  </button>
                )}
              </div>
            );
          })}
          {fieldErrorOf(props.error, `${at}.options`) && (
            <p className="field-error">{fieldErrorOf(props.error, `${at}.options`)}</p>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() =>
              set({
                options: [
                  ...question.options,
                  {
                    id: nextKey(
                      'o',
                      question.options.map((o) => o.id),
                    ),
                    label: { ja: '', en: '' },
                  },
                ],
              })
            }
          >
            {t('surveys.editor.addOption')}
          </button>
        </fieldset>
      )}
      {props.named && question.type === 'single' && (
        <WouldReturnEditor
          question={question}
          at={at}
          error={props.error}
          onChange={(wouldReturn) => set({ wouldReturn })}
        />
      )}
      {choiceQuestions.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-condition`}>{t('surveys.editor.condition')}</label>
          <select
            id={`${id}-condition`}
            value={condition?.questionId ?? ''}
            onChange={(e) => {
              const source = choiceQuestions.find((q) => q.id === e.target.value);
              set({
                showIf: source
                  ? { questionId: source.id, optionIds: source.options.slice(0, 1).map((o) => o.id) }
                  : null,
              });
            }}
          >
            <option value="">{t('surveys.editor.always')}</option>
            {choiceQuestions.map((earlier) => (
              <option key={earlier.id} value={earlier.id}>
                {t('surveys.editor.showIf', { question: say(earlier.text) || earlier.id })}
              </option>
            ))}
          </select>
          {condition && conditionSource && (
            <fieldset className="checks">
              <legend className="visually-hidden">{t('surveys.editor.options')}</legend>
              {conditionSource.options.map((option) => (
                <label key={option.id} className="check">
                  <input
                    type="checkbox"
                    checked={condition.optionIds.includes(option.id)}
                    onChange={(e) =>
                      set({
                        showIf: {
                          ...condition,
                          optionIds: e.target.checked
                            ? [...condition.optionIds, option.id]
                            : condition.optionIds.filter((o) => o !== option.id),
                        },
                      })
                    }
                  />
                  {say(option.label) || option.id}
                </label>
              ))}
            </fieldset>
          )}
          {fieldErrorOf(props.error, `${at}.showIf`) && (
            <p className="field-error">{fieldErrorOf(props.error, `${at}.showIf`)}</p>
          )}
        </div>
      )}
      <button type="button" className="danger" onClick={props.onRemove}>
        {t('surveys.editor.removeQuestion', { n })}
      </button>
    </fieldset>
  );
}
