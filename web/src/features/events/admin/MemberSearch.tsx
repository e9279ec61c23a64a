import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { call, client } from '../../../app/api';
import type { Schemas } from '../../../app/api/types';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage } from '../../../app/ui';

export type ChosenMember = Pick<Schemas['Member'], 'id' | 'displayName'>;

/** Finds an active member of the network by name (the console's member list) and hands the choice back. */
export function MemberSearch(props: { slug: string; label?: string; onChoose(member: ChosenMember): void }) {
  const { t } = useI18n();
  const id = useId();
  const { slug } = props;
  const [q, setQ] = useState('');
  const term = q.trim();
  const found = useQuery({
    queryKey: ['t', slug, 'members', 'event-search', term],
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/members', {
          params: { path: { slug }, query: { q: term, limit: 8 } },
          signal,
        }),
      ),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
  });
  const members =
    term.length >= 2 ? found.data?.members.filter((member) => member.status === 'active') : undefined;
  return (
    <div className="field member-search">
      <label htmlFor={id}>{props.label ?? t('eventsConsole.memberSearch')}</label>
      <input
        id={id}
        type="search"
        value={q}
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        onChange={(event) => setQ(event.target.value)}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('eventsConsole.memberSearchHint')}
      </p>
      <ErrorMessage error={found.error} />
      {members && members.length === 0 && (
        <p className="muted small">{t('eventsConsole.memberSearchNone')}</p>
      )}
      {members && members.length > 0 && (
        <ul className="list">
          {members.map((member) => (
            <li key={member.id} className="list-row">
              <span>
                {member.displayName} <span className="muted small">{t(`role.${member.role}`)}</span>
              </span>
              <button
                type="button"
                onClick={() => {
                  props.onChoose({ id: member.id, displayName: member.displayName });
                  setQ('');
                }}
              >
                {t('eventsConsole.memberChoose', { name: member.displayName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
