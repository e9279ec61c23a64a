import { useI18n } from '../../app/i18n';
import { type Intent, intents } from './community-model';

export function IntentChoices(props: { value: Intent[]; onChange(value: Intent[]): void }) {
  const { t } = useI18n();
  return (
    <fieldset className="choices">
      <legend>{t('profile.intents')}</legend>
      {intents.map((intent) => (
        <div className="choice" key={intent}>
          <input
            type="checkbox"
            id={`intent-${intent}`}
            checked={props.value.includes(intent)}
            onChange={(event) =>
              props.onChange(
                event.target.checked ? [...props.value, intent] : props.value.filter((v) => v !== intent),
              )
            }
          />
          <label htmlFor={`intent-${intent}`}>{t(`intent.${intent}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}
