import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import type { MemberSurvey } from './survey-model';

/** What a person sees once they have answered: the thank-you, and where to go next if anywhere. */
export function SurveyThanks({ survey, children }: { survey: MemberSurvey; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{survey.title}</h1>
      <div className="card" role="status">
        <h2>{t('surveys.answer.thanks')}</h2>
        {survey.thanks && <p className="pre">{survey.thanks}</p>}
      </div>
      {children}
    </section>
  );
}
