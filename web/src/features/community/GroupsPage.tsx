import { useQueries, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';
import { errorWithin } from './field-errors';
import { HashtagEditor } from './HashtagEditor';
import type { Group } from './post-model';

export function GroupCard({ slug, group }: { slug: string; group: Group }) {
  const { t } = useI18n();
  return (
    <li className="person">
      <div>
        <Link to={`/t/${slug}/groups/${group.id}`} className="person-name">
          {group.name}
        </Link>{' '}
        <span className="badge">{t(`group.visibility.${group.visibility}`)}</span>
        {group.membership && group.membership.status !== 'active' && (
          <span className="badge warn">{t(`group.status.${group.membership.status}`)}</span>
        )}
        <p className="muted small">{t('group.members', { count: group.members })}</p>
        {group.description && <p className="small">{group.description}</p>}
        {group.hashtags.length > 0 && (
          <p className="tags small">
            {group.hashtags.map((tag) => (
              <Link key={tag.key} to={`/t/${slug}/hashtags/${encodeURIComponent(tag.key)}`}>
                #{tag.label}
              </Link>
            ))}
          </p>
        )}
      </div>
    </li>
  );
}

/** My groups, groups suggested from my hashtags, the rest to discover, and a form to start one. */
export function GroupsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { slug } = useCommunity();
  const queryClient = useQueryClient();
  const scopes = ['mine', 'suggested', 'discover'] as const;
  const answers = useQueries({
    queries: scopes.map((scope) => ({
      queryKey: communityKeys.groups(slug, scope),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        call(
          client.GET('/v1/t/{slug}/community/groups', {
            params: { path: { slug }, query: { scope } },
            signal,
          }),
        ),
    })),
  });
  const [mine, suggested, discover] = answers.map((answer) => answer.data?.groups);
  const error = answers.find((answer) => answer.error)?.error ?? null;
  // A suggested group is listed once, among the suggestions.
  const suggestedIds = new Set(suggested?.map((g) => g.id));
  const lists =
    mine && suggested && discover
      ? { mine, suggested, discover: discover.filter((g) => !suggestedIds.has(g.id)) }
      : null;
  const [form, setForm] = useState<{ name: string; description: string; visibility: Group['visibility'] }>({
    name: '',
    description: '',
    visibility: 'open',
  });
  const [hashtags, setHashtags] = useState<string[]>([]);
  const [createError, setCreateError] = useState<unknown>(null);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreateError(null);
    try {
      const created = await call(
        client.POST('/v1/t/{slug}/community/groups', {
          params: { path: { slug } },
          body: { ...form, hashtags },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['t', slug, 'community', 'groups'] });
      navigate(`/t/${slug}/groups/${created.id}`);
    } catch (caught) {
      setCreateError(caught);
    }
  };
  const section = (key: 'mine' | 'suggested' | 'discover') => (
    <>
      <h2>{t(`groups.${key}`)}</h2>
      {lists && lists[key].length === 0 && <p className="muted">{t(`groups.${key}None`)}</p>}
      <ul className="people">
        {lists?.[key].map((group) => (
          <GroupCard key={group.id} slug={slug} group={group} />
        ))}
      </ul>
    </>
  );
  return (
    <section>
      <h1>{t('groups.title')}</h1>
      <ErrorMessage error={error} />
      {section('mine')}
      {section('suggested')}
      {section('discover')}
      <details className="card">
        <summary>{t('groups.create')}</summary>
        <form onSubmit={create}>
          <Field
            label={t('group.name')}
            name="name"
            value={form.name}
            required
            error={fieldErrorOf(createError, 'name')}
            onChange={(name) => setForm({ ...form, name })}
          />
          <div className="field">
            <label htmlFor="group-description">{t('group.description')}</label>
            <textarea
              id="group-description"
              rows={3}
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          </div>
          <fieldset className="choices">
            <legend>{t('group.visibility')}</legend>
            {(['open', 'request', 'secret'] as const).map((visibility) => (
              <div className="choice" key={visibility}>
                <input
                  type="radio"
                  name="visibility"
                  id={`visibility-${visibility}`}
                  checked={form.visibility === visibility}
                  onChange={() => setForm({ ...form, visibility })}
                />
                <label htmlFor={`visibility-${visibility}`}>{t(`group.visibility.${visibility}`)}</label>
                <p className="hint">{t(`group.visibilityHint.${visibility}`)}</p>
              </div>
            ))}
          </fieldset>
          <HashtagEditor
            slug={slug}
            value={hashtags}
            onChange={setHashtags}
            error={errorWithin(createError, 'hashtags')}
          />
          <FormError error={createError} />
          <button type="submit">{t('groups.createButton')}</button>
        </form>
      </details>
    </section>
  );
}
