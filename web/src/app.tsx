import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { WORKSPACE_GONE_EVENT } from './forms';
import { AcceptInvitationPage, pendingInvitation } from './pages/AcceptInvitationPage';
import { CheckMailPage, LoginPage, SignupPage, VerifyEmailPage } from './pages/AuthPages';
import { DiscordPage } from './pages/DiscordPage';
import { NewOrderPage } from './pages/NewOrderPage';
import { OrderPage } from './pages/OrderPage';
import { OrdersPage } from './pages/OrdersPage';
import { WebhookPage } from './pages/WebhookPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { WorkspacesPage } from './pages/WorkspacesPage';
import { match, navigate, onLinkClick, useLocation, useTitle } from './router';
import { endSession, onSessionChange, session } from './session';
import { chooseWorkspace, forgetWorkspaces, reloadWorkspaces, useWorkspace, useWorkspaces, WORKSPACE_GONE } from './workspace';

/** Each page's own document title (WCAG 2.4.2), as its heading says; an order's page is titled by the order. */
const TITLES: Record<string, string> = {
  '/': 'Orders',
  '/login': 'Log in',
  '/signup': 'Create an account',
  '/check-mail': 'Check your mail',
  '/verify-email': 'Confirm your email address',
  '/invitations/accept': 'Join a workspace',
  '/orders': 'Orders',
  '/orders/new': 'New order',
  '/settings/discord': 'Discord',
  '/graph': 'Dependency graph',
  '/workspaces': 'Workspaces',
};

/** Pages anyone may open; every other page needs a session and sends you to log in first. */
const PUBLIC = ['/login', '/signup', '/check-mail', '/verify-email', '/invitations/accept'];
/** Pages titled by what they show once loaded (an order, a workspace). */
const SELF_TITLED = ['/orders/:id', '/workspaces/:wid', '/settings/discord/:hid'];

export function App() {
  const { path, query } = useLocation();
  const [signedIn, setSignedIn] = useState(session() !== null);
  const workspace = useWorkspace();
  const [workspaceProblem, setWorkspaceProblem] = useState('');
  // The page the "workspace gone" banner shows on, until the user goes elsewhere.
  const [goneOn, setGoneOn] = useState<string | null>(null);
  useEffect(() => onSessionChange((s) => setSignedIn(s !== null)), []);

  // Signed in: the workspaces are read before any page that shows a workspace's data.
  useEffect(() => {
    if (!signedIn) {
      forgetWorkspaces();
      return;
    }
    reloadWorkspaces().then(() => setWorkspaceProblem(''), () => setWorkspaceProblem('Your workspaces could not be loaded; reload to try again.'));
  }, [signedIn]);
  // The API said the current workspace is gone for this user: explain, and show the personal one.
  useEffect(() => {
    const onGone = () => {
      void reloadWorkspaces().catch(() => {}).then(() => {
        setGoneOn('/orders');
        navigate('/orders', true);
      });
    };
    addEventListener(WORKSPACE_GONE_EVENT, onGone);
    return () => removeEventListener(WORKSPACE_GONE_EVENT, onGone);
  }, []);
  useEffect(() => {
    if (goneOn !== null && path !== goneOn) setGoneOn(null);
  }, [path]);

  const needsLogin = !PUBLIC.includes(path) && !signedIn;
  useTitle(needsLogin ? TITLES['/login'] : TITLES[path] ?? (SELF_TITLED.some((p) => match(p, path)) ? undefined : 'Not found'));
  useEffect(() => {
    if (needsLogin) {
      navigate(`/login?next=${encodeURIComponent(path + location.search)}`, true);
    }
  }, [needsLogin, path]);

  async function logout() {
    try {
      await api.post('/api/auth/logout');
    } finally {
      endSession();
      navigate('/login');
    }
  }

  const waiting = signedIn && !PUBLIC.includes(path) && !workspace;
  return (
    <div class="shell" onClick={(e) => onLinkClick(e as unknown as MouseEvent)}>
      <header>
        <a class="brand" href={signedIn ? '/orders' : '/login'}>OrderChainer</a>
        {signedIn && (
          <nav aria-label="Main">
            <WorkspaceSwitcher />
            <a href="/orders">Orders</a>
            <a href="/graph">Graph</a>
            <a href="/settings/discord">Discord</a>
            <a href={workspace ? `/workspaces/${encodeURIComponent(workspace.id)}` : '/workspaces'}>Team</a>
            <button type="button" class="link" onClick={logout}>Log out</button>
          </nav>
        )}
      </header>
      {goneOn !== null && path === goneOn && <p class="problem banner" role="alert">{WORKSPACE_GONE}</p>}
      {needsLogin ? null : waiting ? (
        <main><p aria-busy={!workspaceProblem} class={workspaceProblem ? 'problem' : undefined}>{workspaceProblem || 'Loading…'}</p></main>
      ) : (
        // Keyed by the workspace: switching starts every page afresh on the other workspace's data.
        <div key={workspace?.id ?? 'none'} class="page">{page(path, query)}</div>
      )}
    </div>
  );
}

/** The header's workspace choice; the choice is remembered by this browser. */
function WorkspaceSwitcher() {
  const workspaces = useWorkspaces();
  const workspace = useWorkspace();
  if (workspaces.length === 0) return null;
  return (
    <span class="switcher">
      <label for="workspace-switcher" class="sr-only">Workspace</label>
      <select id="workspace-switcher" value={workspace?.id ?? ''} onChange={(e) => {
        const chosen = workspaces.find((w) => w.id === e.currentTarget.value);
        if (chosen) {
          chooseWorkspace(chosen);
          navigate('/orders');
        }
      }}>
        {workspaces.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
      </select>
    </span>
  );
}

function page(path: string, query: URLSearchParams) {
  if (path === '/' ) {
    navigate('/orders', true);
    return null;
  }
  if (path === '/login') return <LoginPage next={query.get('next') ?? pendingInvitation() ?? '/orders'} />;
  if (path === '/signup') return <SignupPage />;
  if (path === '/check-mail') return <CheckMailPage email={query.get('email') ?? ''} />;
  if (path === '/verify-email') return <VerifyEmailPage token={query.get('token') ?? ''} />;
  if (path === '/invitations/accept') return <AcceptInvitationPage token={query.get('token') ?? ''} />;
  if (path === '/orders') return <OrdersPage filter={query.get('filter') ?? 'all'} assignee={query.get('assignee') ?? ''} />;
  if (path === '/orders/new') return <NewOrderPage />;
  if (path === '/settings/discord') return <DiscordPage />;
  if (path === '/graph') return <GraphRoute root={query.get('root')} />;
  if (path === '/workspaces') return <WorkspacesPage />;
  const order = match('/orders/:id', path);
  const inWorkspace = query.get('workspace');
  if (order && inWorkspace) return <WorkspaceOrderRoute wid={inWorkspace} id={order.id} />;
  if (order) return <OrderPage id={order.id} />;
  const webhook = match('/settings/discord/:hid', path);
  if (webhook) return <WebhookPage id={webhook.hid} />;
  const workspace = match('/workspaces/:wid', path);
  if (workspace) return <WorkspacePage id={workspace.wid} joined={query.get('joined')} />;
  return (
    <main>
      <h1>Not found</h1>
      <p>There is no page here. <a href="/orders">Your orders</a></p>
    </main>
  );
}

/** A link to a team's order (what its Discord embeds carry: ?workspace=): that workspace becomes the current one. */
function WorkspaceOrderRoute(props: { wid: string; id: string }) {
  const workspaces = useWorkspaces();
  const target = workspaces.find((w) => w.id === props.wid);
  useEffect(() => {
    if (target) {
      chooseWorkspace(target);
      navigate(`/orders/${encodeURIComponent(props.id)}`, true);
    }
  }, [target?.id]);
  if (!target) {
    return (
      <main>
        <h1>Not found</h1>
        <p>This order is in a workspace you are not a member of. <a href="/orders">Your orders</a></p>
      </main>
    );
  }
  return <main><p aria-busy="true">Opening…</p></main>;
}

/** The graph page and its layout library arrive only when someone opens it (kept out of the first load). */
function GraphRoute(props: { root: string | null }) {
  const [Page, setPage] = useState<ComponentType<{ root: string | null }> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./pages/GraphPage').then((module) => setPage(() => module.default), () => setFailed(true));
  }, []);
  if (failed) {
    return <main><p class="problem" role="alert">The graph page could not be loaded; reload to try again.</p></main>;
  }
  return Page ? <Page root={props.root} /> : <main><p aria-busy="true">Loading…</p></main>;
}
