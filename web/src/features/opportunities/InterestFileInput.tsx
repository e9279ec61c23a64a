import { useId } from 'react';
import { useI18n } from '../../app/i18n';
import { interestFileProblem } from './interest-file';

/** The PDF picker of 「興味あり」: says at once when the chosen file cannot be sent. */
export function InterestFileInput({
  file,
  onChange,
}: {
  file: File | null;
  onChange(file: File | null): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const problem = file ? interestFileProblem(file) : null;
  return (
    <div className="field">
      <label htmlFor={id}>{t('opportunities.file')}</label>
      <input
        id={id}
        type="file"
        accept="application/pdf,.pdf"
        aria-describedby={`${id}-hint`}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('opportunities.fileHint')}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {t(`opportunities.fileProblem.${problem}`)}
        </p>
      )}
    </div>
  );
}

/** True when the chosen file (if any) may be sent. */
export const sendable = (file: File | null) => !file || interestFileProblem(file) === null;
