import { useId } from 'react';
import { useI18n } from '../../app/i18n';
import type { SurveyResults } from './survey-model';

/**
 * The response rate over time since the first sending: per day the people asked so far and the answers
 * so far, as bars of the running rate and as a table with the day's own figures.
 */
export function ResponseRate({ perDay }: { perDay: SurveyResults['perDay'] }) {
  const { t } = useI18n();
  const id = useId();
  if (perDay.length === 0) return null;
  let invited = 0;
  let answered = 0;
  const rows = perDay.map((day) => {
    invited += day.invited;
    answered += day.responses;
    const rate = invited > 0 ? Math.min(100, Math.round((answered / invited) * 100)) : null;
    return { ...day, totalInvited: invited, totalAnswered: answered, rate };
  });
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('surveys.rate.title')}</h3>
      <p className="hint">{t('surveys.rate.lead')}</p>
      <ul className="result-bars" aria-hidden="true">
        {rows.map((row) => (
          <li key={row.day} className="result-bar">
            <span className="result-bar-label">{row.day.slice(5)}</span>
            <span className="result-bar-track">
              <span className="result-bar-fill" style={{ width: `${row.rate ?? 0}%` }} />
            </span>
            <span className="result-bar-count">{row.rate === null ? '—' : `${row.rate}%`}</span>
          </li>
        ))}
      </ul>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('surveys.rate.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.rate.day')}</th>
              <th scope="col">{t('surveys.rate.invited')}</th>
              <th scope="col">{t('surveys.rate.answered')}</th>
              <th scope="col">{t('surveys.rate.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day}>
                <th scope="row">{row.day}</th>
                <td className="number">
                  {row.totalInvited} (+{row.invited})
                </td>
                <td className="number">
                  {row.totalAnswered} (+{row.responses})
                </td>
                <td className="number">{row.rate === null ? '—' : `${row.rate}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
