import { useState } from 'preact/hooks';
import { api } from '../api';
import { Field, ProblemBox, useSubmit } from '../forms';
import { navigate } from '../router';
import { reloadWorkspaces, useWorkspaces, type Workspace } from '../workspace';

/** The user's workspaces (personal first) and a form to start a team's. */
export function WorkspacesPage() {
  const workspaces = useWorkspaces();
  const [name, setName] = useState('');
  const { busy, submit, fieldError, formProblem } = useSubmit(['name'], async () => {
    const created = await api.post<Workspace>('/api/workspaces', { name });
    await reloadWorkspaces(created.id);
    navigate(`/workspaces/${encodeURIComponent(created.id)}`);
  });
  return (
    <main class="narrow">
      <h1>Workspaces</h1>
      <ul class="workspaces">
        {workspaces.map((w) => (
          <li key={w.id}>
            <a href={`/workspaces/${encodeURIComponent(w.id)}`}>{w.name}</a>{' '}
            <span class="muted">{w.personal ? 'personal' : `${w.member_count} ${w.member_count === 1 ? 'member' : 'members'}`} · {w.role}</span>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-workspace-heading">
        <h2 id="new-workspace-heading">New workspace</h2>
        <p class="muted">A team's own orders, graph and Discord channel; you are its owner and invite the others.</p>
        <form onSubmit={submit} noValidate>
          <ProblemBox message={formProblem?.message} />
          <Field id="name" label="Name" error={fieldError('name')}>
            <input id="name" maxLength={100} required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create workspace'}</button>
        </form>
      </section>
    </main>
  );
}
