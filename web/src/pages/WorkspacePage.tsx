import { useEffect, useState } from 'preact/hooks';
import { ActivityList } from '../activity';
import { api } from '../api';
import { Field, ProblemBox, useAction, useSubmit } from '../forms';
import { navigate, useTitle } from '../router';
import { session } from '../session';
import {
  can, chooseWorkspace, grantableRoles, refusal, reloadWorkspaces, workspacePath, ROLE_NAMES,
  type Invitation, type Member, type Role, type Workspace,
} from '../workspace';
import { ROLES } from '../generated/contract';

/**
 * A workspace: its name, members (change role, remove, leave), invitations (send, revoke, pending), its activity and,
 * for an owner, deleting it. Opening it makes it the workspace the other pages show. Controls a role may not use are
 * disabled with the reason; the server decides all the same.
 */
export function WorkspacePage(props: { id: string; joined: string | null }) {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const load = useAction();
  useTitle(workspace ? workspace.name : 'Workspace');

  const refresh = () => load.run(async () => {
    const fresh = await api.get<Workspace>(`/api/workspaces/${encodeURIComponent(props.id)}`);
    setWorkspace(fresh);
    chooseWorkspace(fresh);
  });
  useEffect(() => {
    setWorkspace(null);
    void refresh();
  }, [props.id]);

  if (!workspace) {
    return (
      <main class="narrow">
        <h1>Workspace</h1>
        <ProblemBox message={load.formProblem?.message} />
        {!load.formProblem && <p aria-busy="true">Loading…</p>}
      </main>
    );
  }
  return (
    <main class="narrow">
      <h1>{workspace.name}</h1>
      {props.joined && <p class="ok" role="status">You joined as {props.joined}.</p>}
      <p class="muted">
        {workspace.personal ? 'Your personal workspace: only you.' : `${workspace.member_count} members.`} Your role: {workspace.role}.{' '}
        <a href="/orders">Its orders</a>
      </p>
      <ProblemBox message={load.formProblem?.message} />
      {!workspace.personal && <Rename workspace={workspace} onDone={setWorkspace} />}
      <Members workspace={workspace} onChange={refresh} />
      {!workspace.personal && <Invitations workspace={workspace} />}
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity</h2>
        <ActivityList workspace={workspace} />
      </section>
      {!workspace.personal && <DeleteWorkspace workspace={workspace} />}
    </main>
  );
}

function Rename(props: { workspace: Workspace; onDone: (workspace: Workspace) => void }) {
  const [name, setName] = useState(props.workspace.name);
  const refused = refusal(props.workspace.role, 'rename_workspace');
  const { busy, submit, fieldError, formProblem } = useSubmit(['name'], async () => {
    const renamed = await api.put<Workspace>(workspacePath('', props.workspace), { name });
    props.onDone(renamed);
    await reloadWorkspaces(renamed.id);
  });
  return (
    <form onSubmit={submit} noValidate class="inline-form" aria-label="Rename">
      <ProblemBox message={formProblem?.message} />
      <Field id="workspace-name" label="Name" error={fieldError('name')} hint={refused}>
        <input id="workspace-name" maxLength={100} value={name} disabled={!!refused} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      {!refused && <button type="submit" class="secondary" disabled={busy || name === props.workspace.name}>Rename</button>}
    </form>
  );
}

function Members(props: { workspace: Workspace; onChange: () => void }) {
  const { workspace } = props;
  const [members, setMembers] = useState<Member[] | null>(null);
  const { busy, run, formProblem } = useAction();
  const me = session()?.userId;
  const load = () => run(async () => setMembers((await api.get<{ items: Member[] }>(workspacePath('/members', workspace))).items));
  useEffect(() => {
    void load();
  }, [workspace.id]);

  const changeRole = (member: Member, role: Role) => run(async () => {
    await api.put(workspacePath(`/members/${encodeURIComponent(member.user_id)}`, workspace), { role });
    await load();
    if (member.user_id === me) props.onChange();
  });
  const remove = (member: Member) => run(async () => {
    await api.delete(workspacePath(`/members/${encodeURIComponent(member.user_id)}`, workspace));
    if (member.user_id === me) {
      await reloadWorkspaces(null);
      navigate('/workspaces?left=1');
    } else {
      await load();
    }
  });
  const manage = refusal(workspace.role, 'manage_members');
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <ProblemBox message={formProblem?.message} />
      {manage && !workspace.personal && <p class="muted">{manage}</p>}
      <ul class="members" aria-busy={members === null} aria-label="Members">
        {(members ?? []).map((member) => {
          const mayChange = !workspace.personal && !manage && (member.role !== 'owner' || can(workspace.role, 'grant_owner'));
          return (
            <li key={member.user_id}>
              <span class="who">
                <strong>{member.username}</strong>{member.user_id === me && ' (you)'}
                <span class="muted"> joined {new Date(member.joined_at).toLocaleDateString()}</span>
              </span>
              {mayChange ? (
                <select aria-label={`Role of ${member.username}`} value={member.role} disabled={busy}
                  onChange={(e) => changeRole(member, e.currentTarget.value as Role)}>
                  {ROLES.filter((r) => r === member.role || grantableRoles(workspace.role).includes(r)).map((r) => (
                    <option key={r} value={r}>{r}</option>
                  ))}
                </select>
              ) : <span>{member.role}</span>}
              {member.user_id === me ? (
                !workspace.personal && <button type="button" class="secondary" disabled={busy} onClick={() => remove(member)}>Leave</button>
              ) : (
                mayChange && <button type="button" class="danger" disabled={busy}
                  aria-label={`Remove ${member.username}`} onClick={() => remove(member)}>Remove</button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Invitations(props: { workspace: Workspace }) {
  const { workspace } = props;
  const [pending, setPending] = useState<Invitation[] | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [sent, setSent] = useState('');
  const list = useAction();
  const refused = refusal(workspace.role, 'manage_invitations');
  const load = () => list.run(async () => setPending((await api.get<{ items: Invitation[] }>(workspacePath('/invitations', workspace))).items));
  useEffect(() => {
    void load();
  }, [workspace.id]);
  const { busy, submit, fieldError, formProblem } = useSubmit(['email', 'role'], async () => {
    setSent('');
    const invitation = await api.post<Invitation>(workspacePath('/invitations', workspace), { email, role });
    setSent(invitation.email);
    setEmail('');
    await load();
  });
  const revoke = (invitation: Invitation) => list.run(async () => {
    await api.delete(workspacePath(`/invitations/${encodeURIComponent(invitation.id)}`, workspace));
    setPending((current) => (current ?? []).filter((i) => i.id !== invitation.id));
  });
  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      {refused ? <p class="muted">{refused}</p> : (
        <form onSubmit={submit} noValidate>
          <ProblemBox message={formProblem?.message} />
          {sent && <p class="ok" role="status">Invitation sent to {sent}. The link works once, for 7 days.</p>}
          <Field id="invite-email" label="Email address" error={fieldError('email')}>
            <input id="invite-email" type="email" autocomplete="off" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </Field>
          <Field id="invite-role" label="Role" error={fieldError('role')}>
            <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              {grantableRoles(workspace.role).map((r) => <option key={r} value={r}>{ROLE_NAMES[r]}</option>)}
            </select>
          </Field>
          <button type="submit" disabled={busy}>{busy ? 'Sending…' : 'Send invitation'}</button>
        </form>
      )}
      <h3>Pending</h3>
      <ProblemBox message={list.formProblem?.message} />
      {pending !== null && pending.length === 0 && <p class="muted">No pending invitations.</p>}
      <ul class="invitations" aria-busy={pending === null} aria-label="Pending invitations">
        {(pending ?? []).map((invitation) => (
          <li key={invitation.id}>
            {invitation.email} <span class="muted">as {invitation.role}, until {new Date(invitation.expires_at).toLocaleDateString()}</span>{' '}
            {!refused && <button type="button" class="link" disabled={list.busy} aria-label={`Revoke the invitation of ${invitation.email}`}
              onClick={() => revoke(invitation)}>Revoke</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DeleteWorkspace(props: { workspace: Workspace }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, run, formProblem } = useAction();
  const refused = refusal(props.workspace.role, 'delete_workspace');
  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete the workspace</h2>
      <ProblemBox message={formProblem?.message} />
      {refused ? <p class="muted">{refused}</p> : confirming ? (
        <p>
          Delete “{props.workspace.name}” with all its orders and its Discord settings, for every member?{' '}
          <button type="button" class="danger" disabled={busy} onClick={() => run(async () => {
            await api.delete(workspacePath('', props.workspace));
            await reloadWorkspaces(null);
            navigate('/workspaces');
          })}>Delete workspace</button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>Keep it</button>
        </p>
      ) : (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>Delete workspace…</button>
      )}
    </section>
  );
}
