import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { CheckMailPage, LoginPage, SignupPage, VerifyEmailPage } from './pages/AuthPages';
import { DiscordPage } from './pages/DiscordPage';
import { NewOrderPage } from './pages/NewOrderPage';
import { OrderPage } from './pages/OrderPage';
import { OrdersPage } from './pages/OrdersPage';
import { match, navigate, onLinkClick, useLocation, useTitle } from './router';
import { endSession, onSessionChange, session } from './session';

/** Each page's own document title (WCAG 2.4.2), as its heading says; an order's page is titled by the order. */
const TITLES: Record<string, string> = {
  '/': 'Orders',
  '/login': 'Log in',
  '/signup': 'Create an account',
  '/check-mail': 'Check your mail',
  '/verify-email': 'Confirm your email address',
  '/orders': 'Orders',
  '/orders/new': 'New order',
  '/settings/discord': 'Discord',
  '/graph': 'Dependency graph',
};

/** Pages anyone may open; every other page needs a session and sends you to log in first. */
const PUBLIC = ['/login', '/signup', '/check-mail', '/verify-email'];

export function App() {
  const { path, query } = useLocation();
  const [signedIn, setSignedIn] = useState(session() !== null);
  useEffect(() => onSessionChange((s) => setSignedIn(s !== null)), []);

  const needsLogin = !PUBLIC.includes(path) && !signedIn;
  // An order's page names the order itself once it has it (OrderPage).
  useTitle(needsLogin ? TITLES['/login'] : TITLES[path] ?? (match('/orders/:id', path) ? undefined : 'Not found'));
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

  return (
    <div class="shell" onClick={(e) => onLinkClick(e as unknown as MouseEvent)}>
      <header>
        <a class="brand" href={signedIn ? '/orders' : '/login'}>OrderChainer</a>
        {signedIn && (
          <nav aria-label="Main">
            <a href="/orders">Orders</a>
            <a href="/graph">Graph</a>
            <a href="/settings/discord">Discord</a>
            <button type="button" class="link" onClick={logout}>Log out</button>
          </nav>
        )}
      </header>
      {needsLogin ? null : page(path, query)}
    </div>
  );
}

function page(path: string, query: URLSearchParams) {
  if (path === '/' ) {
    navigate('/orders', true);
    return null;
  }
  if (path === '/login') return <LoginPage next={query.get('next') ?? '/orders'} />;
  if (path === '/signup') return <SignupPage />;
  if (path === '/check-mail') return <CheckMailPage email={query.get('email') ?? ''} />;
  if (path === '/verify-email') return <VerifyEmailPage token={query.get('token') ?? ''} />;
  if (path === '/orders') return <OrdersPage filter={query.get('filter') ?? 'all'} />;
  if (path === '/orders/new') return <NewOrderPage />;
  if (path === '/settings/discord') return <DiscordPage />;
  if (path === '/graph') return <GraphRoute root={query.get('root')} />;
  const order = match('/orders/:id', path);
  if (order) return <OrderPage id={order.id} />;
  return (
    <main>
      <h1>Not found</h1>
      <p>There is no page here. <a href="/orders">Your orders</a></p>
    </main>
  );
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
