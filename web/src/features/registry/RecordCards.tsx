import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { fullName, fullReading, type RecordRow } from './registry-model';

/** The registry on a phone: one card per record, with a box to select it. */
export function RecordCards(props: {
  slug: string;
  records: RecordRow[];
  selected: Set<string>;
  onSelect(next: Set<string>): void;
}) {
  const { t } = useI18n();
  const { records, selected, onSelect } = props;
  const allOnPage = records.map((r) => r.id);
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={allOnPage.length > 0 && allOnPage.every((id) => selected.has(id))}
          onChange={(event) => onSelect(event.target.checked ? new Set(allOnPage) : new Set())}
        />
        {t('registry.selectAll')}
      </label>
      <ul className="list">
        {records.map((record) => (
          <li key={record.id} className="list-row record-row">
            <input
              type="checkbox"
              aria-label={fullName(record)}
              checked={selected.has(record.id)}
              onChange={(event) => {
                const next = new Set(selected);
                if (event.target.checked) next.add(record.id);
                else next.delete(record.id);
                onSelect(next);
              }}
            />
            <div>
              <Link to={`/t/${props.slug}/admin/registry/${record.id}`}>
                <strong>{fullName(record)}</strong>
              </Link>
              <span className="muted small"> {fullReading(record)}</span>
              <p className="muted small">
                {[record.employeeNumber, record.lastDepartment, record.leftOn].filter(Boolean).join(' ・ ')}
              </p>
            </div>
            <div className="badges">
              <span className={`badge ${record.status === 'excluded' ? 'warn' : ''}`}>
                {t(`status.${record.status}`)}
              </span>
              {record.hrTags.map((tagName) => (
                <span key={tagName} className="badge subtle">
                  {tagName}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
