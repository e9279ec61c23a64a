import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { surveyKeys } from './survey-model';

type Answer = { text: string; respondent: string | null };

/** Where further written answers are read from: the survey and the search the first ones matched. */
export type TextSource = { slug: string; surveyId: string; q: string };

/**
 * A question's written answers: those listed with the results, then, on request, the following ones a
 * page at a time for the same search (the results carry only the newest, to stay quick at any size).
 */
export function TextAnswers({
  questionId,
  answers,
  nextCursor,
  source,
}: {
  questionId: string;
  answers: Answer[];
  nextCursor: string | null;
  source?: TextSource | undefined;
}) {
  const { t } = useI18n();
  const [wanted, setWanted] = useState(false);
  const following = useInfiniteQuery({
    queryKey: surveyKeys.texts(source?.slug ?? '', source?.surveyId ?? '', questionId, source?.q ?? ''),
    enabled: wanted && source !== undefined,
    initialPageParam: nextCursor ?? '',
    queryFn: ({ pageParam, signal }) =>
      call(
        client.GET('/v1/t/{slug}/surveys/{id}/results/texts', {
          params: {
            path: { slug: source?.slug ?? '', id: source?.surveyId ?? '' },
            query: {
              question: questionId,
              ...(source?.q ? { q: source.q } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (answers.length === 0) return <p className="muted small">{t('surveys.results.noTexts')}</p>;
  const shown = [...answers, ...(following.data?.pages.flatMap((page) => page.answers) ?? [])];
  const hasMore = wanted ? following.hasNextPage : nextCursor !== null;
  return (
    <>
      <ul className="list">
        {shown.map((answer, index) => (
          // Answers have no id of their own (an anonymous one must not have a stable handle).
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole on every search
          <li key={index} className="list-row">
            <div>
              <p className="pre">{answer.text}</p>
              {answer.respondent && <p className="small muted">{answer.respondent}</p>}
            </div>
          </li>
        ))}
      </ul>
      <ErrorMessage error={following.error} />
      {source && hasMore && (
        <button
          type="button"
          className="no-print"
          disabled={following.isFetching}
          onClick={() => (wanted ? following.fetchNextPage() : setWanted(true))}
        >
          {t('surveys.results.moreTexts')}
        </button>
      )}
    </>
  );
}
