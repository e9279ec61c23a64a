import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { Role } from '../../app/session';
import { ErrorMessage, Field, FormError, fieldErrorOf, Notice } from '../../app/ui';
import { useConsoleHome } from './AdminLayout';

type Member = { id: string; displayName: string; email: string; role: Role; status: 'active' | 'suspended' };
type Page = { members: Member[]; nextCursor: string | null };
const roles: Role[] = ['alumnus', 'employee', 'moderator', 'admin', 'owner'];

function AddMemberForm({ slug, onAdded }: { slug: string; onAdded(member: Member): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ email: '', displayName: '', role: 'admin' as Role });
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      onAdded(await api<Member>('POST', `/t/${slug}/members`, form));
      setForm({ email: '', displayName: '', role: form.role });
    } catch (caught) {
      setError(caught);
    }
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
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      const params = new URLSearchParams({ limit: '50' });
      if (query) params.set('q', query);
      if (role) params.set('role', role);
      if (cursor) params.set('cursor', cursor);
      try {
        const next = await api<Page>('GET', `/t/${slug}/members?${params}`);
        setPage((current) =>
          cursor && current
            ? { members: [...current.members, ...next.members], nextCursor: next.nextCursor }
            : next,
        );
        setError(null);
      } catch (caught) {
        setError(caught);
      }
    },
    [slug, query, role],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<unknown>) => {
    setNotice(null);
    try {
      await work();
      await load();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section>
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
      {page && page.members.length === 0 && <p className="muted">{t('members.empty')}</p>}
      <ul className="list">
        {page?.members.map((member) => (
          <li key={member.id} className="list-row member-row">
            <div>
              <strong>{member.displayName}</strong>
              <span className="muted small">{member.email}</span>
              {member.status === 'suspended' && <span className="badge warn">{t('status.suspended')}</span>}
            </div>
            {member.id !== home.member.id && (
              <div className="row-actions">
                <label className="visually-hidden" htmlFor={`role-${member.id}`}>
                  {t('members.role')}
                </label>
                <select
                  id={`role-${member.id}`}
                  value={member.role}
                  onChange={(event) =>
                    act(() => api('PATCH', `/t/${slug}/members/${member.id}`, { role: event.target.value }))
                  }
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="secondary small"
                  onClick={() =>
                    act(() =>
                      api('PATCH', `/t/${slug}/members/${member.id}`, {
                        status: member.status === 'active' ? 'suspended' : 'active',
                      }),
                    )
                  }
                >
                  {member.status === 'active' ? t('members.suspend') : t('members.reactivate')}
                </button>
                <button
                  type="button"
                  className="danger small"
                  onClick={() => {
                    if (window.confirm(t('members.confirmRemove', { name: member.displayName }))) {
                      void act(() => api('DELETE', `/t/${slug}/members/${member.id}`));
                    }
                  }}
                >
                  {t('common.remove')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {page?.nextCursor && (
        <button type="button" className="secondary" onClick={() => load(page.nextCursor ?? undefined)}>
          {t('common.more')}
        </button>
      )}
      <AddMemberForm
        slug={slug}
        onAdded={(member) => {
          setNotice(t('members.added', { name: member.displayName }));
          void load();
        }}
      />
    </section>
  );
}
