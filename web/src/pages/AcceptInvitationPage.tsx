import { useEffect } from 'preact/hooks';
import { api } from '../api';
import { ProblemBox, useAction } from '../forms';
import { navigate } from '../router';
import { session } from '../session';
import { reloadWorkspaces, type Role } from '../workspace';

/** Kept while someone signs up or logs in first, so the invitation opens again afterwards (the token only, for a day at most). */
const PENDING = 'orderchainer.invitation';

export function acceptPath(token: string): string {
  return `/invitations/accept?token=${encodeURIComponent(token)}`;
}

/** The accept page to return to after signing in, if an invitation was opened while signed out. */
export function pendingInvitation(): string | null {
  try {
    const token = localStorage.getItem(PENDING);
    return token ? acceptPath(token) : null;
  } catch {
    return null;
  }
}

function keepPending(token: string | null): void {
  try {
    if (token) localStorage.setItem(PENDING, token);
    else localStorage.removeItem(PENDING);
  } catch {
    // Storage refused: the mail's link still works.
  }
}

/**
 * The page an invitation mail links to. Signed out: log in or sign up first (the invitation waits). Signed in: accept
 * on a button press (a link preview that opens the page never joins anyone), then the workspace opens.
 */
export function AcceptInvitationPage(props: { token: string }) {
  const signedIn = session() !== null;
  const { busy, run, formProblem } = useAction();

  useEffect(() => {
    keepPending(signedIn ? null : props.token || null);
  }, [signedIn, props.token]);

  if (!props.token) {
    return <main class="narrow"><h1>Join a workspace</h1><p class="problem" role="alert">This link has no invitation in it.</p></main>;
  }
  if (!signedIn) {
    const next = encodeURIComponent(acceptPath(props.token));
    return (
      <main class="narrow">
        <h1>Join a workspace</h1>
        <p>You were invited to a workspace on OrderChainer. Log in with the invited address, or create an account for it
          and confirm it, then accept here.</p>
        <p class="actions">
          <a class="button" href={`/login?next=${next}`}>Log in</a>
          <a class="button secondary" href="/signup">Create an account</a>
        </p>
        <p class="muted">After you confirm a new account and log in, this invitation opens again.</p>
      </main>
    );
  }
  return (
    <main class="narrow">
      <h1>Join a workspace</h1>
      <ProblemBox message={formProblem?.message} />
      <p>Accept the invitation to join its workspace as <strong>{session()?.username}</strong>.</p>
      <button type="button" disabled={busy} onClick={() => run(async () => {
        const answer = await api.post<{ workspace_id: string; role: Role }>('/api/invitations/accept', { token: props.token });
        keepPending(null);
        await reloadWorkspaces(answer.workspace_id);
        navigate(`/workspaces/${encodeURIComponent(answer.workspace_id)}?joined=${answer.role}`, true);
      })}>{busy ? 'Joining…' : 'Accept the invitation'}</button>
    </main>
  );
}
