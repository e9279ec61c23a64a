import { useId } from 'react';
import { useI18n } from '../../app/i18n';
import { fieldErrorOf } from '../../app/ui';
import type { Question } from './survey-model';

type Meaning = 'yes' | 'no' | '';

/**
 * Marks a single choice question of a named survey as the "would you come back?" question: each choice
 * says yes, no or nothing, and a named answer updates the person's registry record.
 */
export function WouldReturnEditor(props: {
  question: Question;
  at: string;
  error: unknown;
  onChange(wouldReturn: Question['wouldReturn']): void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const { question } = props;
  const marked = question.wouldReturn;
  const meaningOf = (optionId: string): Meaning =>
    marked?.yes.includes(optionId) ? 'yes' : marked?.no.includes(optionId) ? 'no' : '';
  const setMeaning = (optionId: string, meaning: Meaning) => {
    const current = marked ?? { yes: [], no: [] };
    const yes = current.yes.filter((o) => o !== optionId);
    const no = current.no.filter((o) => o !== optionId);
    props.onChange({
      yes: meaning === 'yes' ? [...yes, optionId] : yes,
      no: meaning === 'no' ? [...no, optionId] : no,
    });
  };
  const error = fieldErrorOf(props.error, `${props.at}.wouldReturn`);
  return (
    <div className="field">
      <div className="field checkbox">
        <input
          id={`${id}-on`}
          type="checkbox"
          checked={marked !== null}
          aria-describedby={`${id}-hint`}
          onChange={(e) =>
            props.onChange(
              e.target.checked ? { yes: question.options.slice(0, 1).map((o) => o.id), no: [] } : null,
            )
          }
        />
        <label htmlFor={`${id}-on`}>{t('surveys.editor.wouldReturn')}</label>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {t('surveys.editor.wouldReturnHint')}
      </p>
      {marked && (
        <fieldset className="choices">
          <legend>{t('surveys.editor.wouldReturnMeaning')}</legend>
          {question.options.map((option, index) => {
            const label =
              (locale === 'en' && option.label.en) ||
              option.label.ja ||
              t('surveys.editor.optionJa', { n: index + 1 });
            return (
              <div className="field" key={option.id}>
                <label htmlFor={`${id}-${option.id}`}>{label}</label>
                <select
                  id={`${id}-${option.id}`}
                  value={meaningOf(option.id)}
                  onChange={(e) => setMeaning(option.id, e.target.value as Meaning)}
                >
                  <option value="yes">{t('surveys.editor.wouldReturnYes')}</option>
                  <option value="no">{t('surveys.editor.wouldReturnNo')}</option>
                  <option value="">{t('surveys.editor.wouldReturnNone')}</option>
                </select>
              </div>
            );
          })}
        </fieldset>
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
