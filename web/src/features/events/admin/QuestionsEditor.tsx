import { Plus, Trash2 } from 'lucide-react';
import { useI18n } from '../../../app/i18n';
import { Field, fieldErrorOf } from '../../../app/ui';
import { nextQuestionId, type QuestionDraft } from './event-draft';
import { CheckField, SelectField, TextAreaField } from './form-controls';

/** The questions asked on registering: short text or a choice, each optionally required. */
export function QuestionsEditor(props: {
  questions: QuestionDraft[];
  onChange(questions: QuestionDraft[]): void;
  error: unknown;
}) {
  const { t } = useI18n();
  const { questions, error } = props;
  const change = (index: number, changes: Partial<QuestionDraft>) =>
    props.onChange(questions.map((question, i) => (i === index ? { ...question, ...changes } : question)));
  const add = () =>
    props.onChange([
      ...questions,
      { id: nextQuestionId(questions), kind: 'text', label: '', choices: '', required: false, shared: false },
    ]);
  return (
    <fieldset className="field">
      <legend>{t('eventsConsole.questions')}</legend>
      <p className="hint">{t('eventsConsole.questionsHint')}</p>
      {questions.map((question, index) => {
        const n = index + 1;
        const path = `questions.${index}`;
        return (
          <div key={question.id} className="card inset">
            <Field
              label={t('eventsConsole.question.label', { n })}
              name={`question-${question.id}`}
              value={question.label}
              onChange={(label) => change(index, { label })}
              error={fieldErrorOf(error, `${path}.label`)}
            />
            <SelectField
              label={t('eventsConsole.question.kind', { n })}
              value={question.kind}
              onChange={(kind) => change(index, { kind: kind as QuestionDraft['kind'] })}
            >
              <option value="text">{t('eventsConsole.question.kind.text')}</option>
              <option value="choice">{t('eventsConsole.question.kind.choice')}</option>
            </SelectField>
            {question.kind === 'choice' && (
              <TextAreaField
                label={t('eventsConsole.question.choices', { n })}
                value={question.choices}
                rows={3}
                onChange={(choices) => change(index, { choices })}
                error={fieldErrorOf(error, `${path}.choices`)}
              />
            )}
            <CheckField
              label={t('eventsConsole.question.required', { n })}
              checked={question.required}
              onChange={(required) => change(index, { required })}
            />
            <button
              type="button"
              className="link-button"
              onClick={() => props.onChange(questions.filter((_, i) => i !== index))}
            >
              <Trash2 aria-hidden="true" className="icon" /> {t('eventsConsole.question.remove', { n })}
            </button>
          </div>
        );
      })}
      {fieldErrorOf(error, 'questions') && <p className="field-error">{fieldErrorOf(error, 'questions')}</p>}
      <button type="button" onClick={add} disabled={questions.length >= 10}>
        <Plus aria-hidden="true" className="icon" /> {t('eventsConsole.question.add')}
      </button>
    </fieldset>
  );
}
