import { ArrowLeft, ArrowRight } from 'lucide-react';
import { useI18n } from '../../app/i18n';
import { columnLabels, moveColumn, type RegistryColumn, registryColumns } from './registry-columns';

/** Which of the registry table's columns are shown, and in which order (氏名 always, as the row's name). */
export function ColumnChooser(props: {
  columns: RegistryColumn[];
  onChange(columns: RegistryColumn[]): void;
}) {
  const { t } = useI18n();
  const { columns, onChange } = props;
  const hidden = registryColumns.filter((column) => !columns.includes(column));
  return (
    <details className="column-chooser">
      <summary>{t('registry.columns')}</summary>
      <fieldset className="checks">
        <legend className="hint">{t('registry.columns.hint')}</legend>
        <ol className="column-list">
          {[...columns, ...hidden].map((column) => {
            const shown = columns.includes(column);
            const name = t(columnLabels[column]);
            const at = columns.indexOf(column);
            return (
              <li key={column}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={shown}
                    disabled={column === 'name'}
                    onChange={(event) =>
                      onChange(
                        event.target.checked ? [...columns, column] : columns.filter((c) => c !== column),
                      )
                    }
                  />
                  {name}
                </label>
                {shown && (
                  <span className="column-moves">
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('registry.columns.left', { name })}
                      disabled={at === 0}
                      onClick={() => onChange(moveColumn(columns, column, -1))}
                    >
                      <ArrowLeft aria-hidden="true" size={16} />
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('registry.columns.right', { name })}
                      disabled={at === columns.length - 1}
                      onClick={() => onChange(moveColumn(columns, column, 1))}
                    >
                      <ArrowRight aria-hidden="true" size={16} />
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        <button type="button" className="link-button" onClick={() => onChange([...registryColumns])}>
          {t('registry.columns.reset')}
        </button>
      </fieldset>
    </details>
  );
}
