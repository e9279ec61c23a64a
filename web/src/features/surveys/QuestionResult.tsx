import { useI18n } from '../../app/i18n';
import type { Question, QuestionSummary } from './survey-model';
import { TextAnswers, type TextSource } from './TextAnswers';

/** One bar with its count and share written out, so the numbers read without the picture. */
function Bar({ label, count, total }: { label: string; count: number; total: number }) {
  const share = total > 0 ? Math.round((count / total) * 100) : 0;
  return (
    <li className="result-bar">
      <span className="result-bar-label">{label}</span>
      <span className="result-bar-track" aria-hidden="true">
        <span className="result-bar-fill" style={{ width: `${share}%` }} />
      </span>
      <span className="result-bar-count">
        {count} ({share}%)
      </span>
    </li>
  );
}

/** A question's result: bars for choices, a distribution for scales and NPS (with its score), or the texts. */
export function QuestionResult({
  question,
  summary,
  textSource,
}: {
  question: Question;
  summary: QuestionSummary;
  /** Given where the following written answers may be read (the results screen, not the report). */
  textSource?: TextSource | undefined;
}) {
  const { t, locale } = useI18n();
  const say = (wording: { ja: string; en: string }) =>
    locale === 'en' && wording.en ? wording.en : wording.ja;
  return (
    <>
      <p className="small muted">{t('surveys.results.answered', { count: summary.answered })}</p>
      {summary.kind === 'choices' && (
        <ul className="result-bars">
          {question.options.map((option) => (
            <Bar
              key={option.id}
              label={say(option.label)}
              count={summary.counts[option.id] ?? 0}
              total={summary.answered}
            />
          ))}
        </ul>
      )}
      {summary.kind === 'scale' && (
        <>
          {summary.average !== null && <p>{t('surveys.results.average', { value: summary.average })}</p>}
          <ul className="result-bars">
            {summary.distribution.map((count, index) => (
              <Bar key={String(index + 1)} label={String(index + 1)} count={count} total={summary.answered} />
            ))}
          </ul>
        </>
      )}
      {summary.kind === 'nps' && (
        <>
          {summary.score !== null && (
            <p>
              <strong className="result-score">{t('surveys.results.nps', { score: summary.score })}</strong>{' '}
              <span className="small muted">
                {t('surveys.results.npsParts', {
                  promoters: summary.promoters,
                  passives: summary.passives,
                  detractors: summary.detractors,
                })}
              </span>
            </p>
          )}
          <ul className="result-bars">
            {summary.distribution.map((count, index) => (
              <Bar key={String(index)} label={String(index)} count={count} total={summary.answered} />
            ))}
          </ul>
        </>
      )}
      {summary.kind === 'texts' && (
        <TextAnswers
          questionId={summary.questionId}
          answers={summary.answers}
          nextCursor={summary.nextCursor}
          source={textSource}
        />
      )}
    </>
  );
}
