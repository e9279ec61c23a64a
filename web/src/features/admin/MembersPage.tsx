import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useDeskWidth } from '../../app/desk';
import { useI18n } from '../../app/i18n';
import type { Role } from '../../app/session';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { useConsoleHome } from './AdminLayout';
import { type MemberChange, MemberMoreActions, RoleSelect, roles } from './MemberActions';
import { MembersTable } from './MembersTable';

type Member = Schemas['Member'];

function AddMemberForm({ slug, onAdded }: { slug: string; onAdded(member: Member): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ email: '', displayName: '', role: 'admin' as Role });
  const add = useMutation({
    mutationFn: () => call(client.POST('/v1/t/{slug}/members', { params: { path: { slug } }, body: form })),
    onSuccess: (member) => {
      onAdded(member);
      setForm({ email: '', displayName: '', role: form.role });
    },
  });
  const error = add.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const fieldError = (name: string) => fieldErrorOf(error, name);
  return (
    <form onSubmit={submit} className="card inset" noValidate>
      <h3>{t('members.add')}</h3>
      <p className="hint">{t('members.addHint')}</p>
      <Field
        label={t('members.email')}
        name="email"
        type="email"
        value={form.email}
        onChange={(email) => setForm({ ...form, email })}
        error={fieldError('email')}
        required
      />
      <Field
        label={t('members.displayName')}
        name="displayName"
        value={form.displayName}
        onChange={(displayName) => setForm({ ...form, displayName })}
        error={fieldError('displayName')}
        required
      />
      <div className="field">
        <label htmlFor="new-member-role">{t('members.role')}</label>
        <select
          id="new-member-role"
          value={form.role}
          onChange={(event) => setForm({ ...form, role: event.target.value as Role })}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <FormError error={error} />
      <button type="submit" className="primary">
        {t('members.add')}
      </button>
    </form>
  );
}

export function MembersPage() {
  const { t } = useI18n();
  const home = useConsoleHome();
  const slug = home.tenant.slug;
  const desk = useDeskWidth();
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const members = useInfiniteQuery({
    queryKey: ['t', slug, 'members', { query, role }],
    queryFn: ({ pageParam, signal }) =>
      call(
        client.GET('/v1/t/{slug}/members', {
          params: {
            path: { slug },
            query: {
              limit: 50,
              ...(query ? { q: query } : {}),
              ...(role ? { role } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While a new search loads, the last answer stays on screen instead of a blank list.
    placeholderData: keepPreviousData,
  });
  const change = useMutation({
    mutationFn: async ({ id, work }: { id: string; work: MemberChange }) => {
      if (work === 'remove')
        await call(client.DELETE('/v1/t/{slug}/members/{id}', { params: { path: { slug, id } } }));
      else
        await call(client.PATCH('/v1/t/{slug}/members/{id}', { params: { path: { slug, id } }, body: work }));
    },
    onMutate: () => setNotice(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['t', slug] }),
  });
  const act = (member: Member, work: MemberChange) => change.mutate({ id: member.id, work });
  const list = members.data?.pages.flatMap((page) => page.members);
  const error = change.error ?? members.error;

  return (
    <section className="wide">
      <h2>{t('console.members')}</h2>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={error} />
      <div className="filters">
        <div className="field">
          <label htmlFor="member-search">{t('members.search')}</label>
          <input
            id="member-search"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="member-role-filter">{t('members.role')}</label>
          <select
            id="member-role-filter"
            value={role}
            onChange={(event) => setRole(event.target.value as Role | '')}
          >
            <option value="">{t('members.allRoles')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {members.isPending && <Loading />}
      {list && list.length === 0 && <p className="muted">{t('members.empty')}</p>}
      {desk && list && list.length > 0 && (
        <MembersTable members={list} selfId={home.member.id} onChange={act} />
      )}
      {!desk && (
        <ul className="list">
          {list?.map((member) => (
            <li key={member.id} className="list-row member-row">
              <div>
                <strong>{member.displayName}</strong>
                <span className="muted small">{member.email}</span>
                {member.status === 'suspended' && <span className="badge warn">{t('status.suspended')}</span>}
              </div>
              {member.id !== home.member.id && (
                <div className="row-actions">
                  <RoleSelect member={member} onChange={(work) => act(member, work)} />
                  <MemberMoreActions member={member} onChange={(work) => act(member, work)} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {members.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={members.isFetchingNextPage}
          onClick={() => members.fetchNextPage()}
        >
          {t('common.more')}
        </button>
      )}
      <AddMemberForm
        slug={slug}
        onAdded={(member) => {
          setNotice(t('members.added', { name: member.displayName }));
          queryClient.invalidateQueries({ queryKey: ['t', slug] });
        }}
      />
    </section>
  );
}
