import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { communityKeys } from './community-context';

/** Typed hashtags as removable chips, with suggestions from the network as the member types. */
export function HashtagEditor(props: {
  slug: string;
  value: string[];
  onChange(tags: string[]): void;
  error?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState('');
  const prefix = draft.replace(/^[#＃]/, '').trim();
  // Suggestions are a help, not a must: without an answer the field simply offers none.
  const { data } = useQuery({
    queryKey: [...communityKeys.hashtags(props.slug, 'search', prefix), 8],
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/hashtags', {
          params: { path: { slug: props.slug }, query: { prefix, limit: 8 } },
          signal,
        }),
      ),
    enabled: prefix !== '',
    placeholderData: keepPreviousData,
  });
  const suggestions = prefix ? (data?.hashtags ?? []) : [];

  const add = () => {
    const tag = draft.replace(/^[#＃\s]+/, '').trim();
    if (tag && !props.value.some((v) => v.toLowerCase() === tag.toLowerCase()))
      props.onChange([...props.value, tag]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the tag instead of submitting the form; composing Japanese text must not be cut short.
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      add();
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('profile.hashtags')}</label>
      <ul className="chips" aria-live="polite">
        {props.value.map((tag) => (
          <li key={tag} className="chip">
            #{tag}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('profile.removeHashtag', { tag: `#${tag}` })}
              onClick={() => props.onChange(props.value.filter((v) => v !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <input
          id={id}
          value={draft}
          list={`${id}-suggestions`}
          placeholder="#起業"
          aria-describedby={`${id}-hint`}
          aria-invalid={props.error ? true : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="secondary" onClick={add}>
          {t('profile.addHashtag')}
        </button>
      </div>
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((s) => (
          <option key={s.key} value={s.label} />
        ))}
      </datalist>
      <p className="hint" id={`${id}-hint`}>
        {t('profile.hashtagsHint')}
      </p>
      {props.error && <p className="field-error">{props.error}</p>}
    </div>
  );
}
