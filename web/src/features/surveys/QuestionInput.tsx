import { useI18n } from '../../app/i18n';
import type { AnswerValue, MemberSurvey } from './survey-model';

type MemberQuestion = MemberSurvey['questions'][number];

/** The input of one question, by type; radio groups of numbers for scale and NPS (one tap on a phone). */
export function QuestionInput(props: {
  question: MemberQuestion;
  number: number;
  value: AnswerValue | undefined;
  error: string | undefined;
  onChange(value: AnswerValue | undefined): void;
}) {
  const { t } = useI18n();
  const { question, value } = props;
  const name = `answer-${question.id}`;
  const errorId = `${name}-error`;
  const legend = (
    <legend>
      {props.number}. {question.text}{' '}
      {question.required && <span className="badge warn">{t('surveys.answer.required')}</span>}
    </legend>
  );
  const error = props.error && (
    <p className="field-error" id={errorId}>
      {props.error}
    </p>
  );
  const described = props.error ? errorId : undefined;
  if (question.type === 'single' || question.type === 'multiple') {
    const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return (
      <fieldset className="choices card" aria-describedby={described}>
        {legend}
        {question.options.map((option) => (
          <label key={option.id} className="check survey-option">
            <input
              type={question.type === 'single' ? 'radio' : 'checkbox'}
              name={name}
              checked={chosen.includes(option.id)}
              onChange={(e) => {
                if (question.type === 'single') props.onChange(option.id);
                else {
                  const next = e.target.checked
                    ? [...chosen, option.id]
                    : chosen.filter((o) => o !== option.id);
                  props.onChange(next.length > 0 ? next : undefined);
                }
              }}
            />
            {option.label}
          </label>
        ))}
        {error}
      </fieldset>
    );
  }
  if (question.type === 'scale' || question.type === 'nps') {
    const points = question.type === 'scale' ? [1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    return (
      <fieldset className="choices card" aria-describedby={described}>
        {legend}
        <div className={`scale-points${question.type === 'nps' ? ' nps' : ''}`}>
          {points.map((point) => (
            <label key={point} className="scale-point">
              <input
                type="radio"
                name={name}
                checked={value === point}
                onChange={() => props.onChange(point)}
              />
              <span>{point}</span>
            </label>
          ))}
        </div>
        <p className="hint scale-ends">
          <span>{t(question.type === 'scale' ? 'surveys.answer.scaleLow' : 'surveys.answer.npsLow')}</span>
          <span>{t(question.type === 'scale' ? 'surveys.answer.scaleHigh' : 'surveys.answer.npsHigh')}</span>
        </p>
        {error}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const set = (next: string) => props.onChange(next === '' ? undefined : next);
  return (
    <div className="field card">
      <label htmlFor={name}>
        {props.number}. {question.text}{' '}
        {question.required && <span className="badge warn">{t('surveys.answer.required')}</span>}
      </label>
      {question.type === 'long_text' ? (
        <textarea
          id={name}
          rows={5}
          maxLength={5000}
          value={text}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={described}
          onChange={(e) => set(e.target.value)}
        />
      ) : (
        <input
          id={name}
          type={question.type === 'date' ? 'date' : 'text'}
          maxLength={question.type === 'date' ? undefined : 200}
          value={text}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={described}
          onChange={(e) => set(e.target.value)}
        />
      )}
      {error}
    </div>
  );
}
