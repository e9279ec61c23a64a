import { useI18n } from '../../app/i18n';
import type { ProfileField, Visibility } from './community-model';

export function VisibilitySelect(props: {
  field: ProfileField;
  value: Visibility;
  onChange(value: Visibility): void;
}) {
  const { t } = useI18n();
  const id = `visibility-${props.field}`;
  return (
    <div className="visibility">
      <label htmlFor={id} className="small">
        {t('profile.visibilityOf', { field: t(`field.${props.field}`) })}
      </label>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as Visibility)}
      >
        {(['members', 'staff', 'private'] as const).map((level) => (
          <option key={level} value={level}>
            {t(`visibility.${level}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
