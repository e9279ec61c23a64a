import { useI18n } from '../../app/i18n';
import type { Consents } from './community-model';

export type ConsentValues = Omit<Consents, 'policyVersion'>;
const purposes = [
  ['companyNews', 'company_news'],
  ['listedInDirectory', 'directory_listing'],
  ['companyContact', 'company_contact'],
] as const;

/** One checkbox per purpose, each with what it means: APPI asks for a separate, informed choice. */
export function ConsentChoices(props: { value: ConsentValues; onChange(value: ConsentValues): void }) {
  const { t } = useI18n();
  return (
    <fieldset className="choices">
      {purposes.map(([key, purpose]) => (
        <div className="choice" key={key}>
          <input
            type="checkbox"
            id={`consent-${purpose}`}
            checked={props.value[key]}
            aria-describedby={`consent-${purpose}-hint`}
            onChange={(event) => props.onChange({ ...props.value, [key]: event.target.checked })}
          />
          <label htmlFor={`consent-${purpose}`}>{t(`consent.${purpose}`)}</label>
          <p className="hint" id={`consent-${purpose}-hint`}>
            {t(`consent.${purpose}.hint`)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
