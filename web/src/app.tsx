import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { CheckMailPage, LoginPage, SignupPage, VerifyEmailPage } from './pages/AuthPages';
import { NewOrderPage, OrderPage, OrdersPage } from './pages/OrderPages';
import { match, navigate, onLinkClick, useLocation } from './router';
import { endSession, onSessionChange, session } from './session';

/** Pages anyone may open; every other page needs a session and sends you to log in first. */
const PUBLIC = ['/login', '/signup', '/check-mail', '/verify-email'];

export function App() {
  const { path, query } = useLocation();
  const [signedIn, setSignedIn] = useState(session() !== null);
  useEffect(() => onSessionChange((s) => setSignedIn(s !== null)), []);

  const needsLogin = !PUBLIC.includes(path) && !signedIn;
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
  const order = match('/orders/:id', path);
  if (order) return <OrderPage id={order.id} />;
  return (
    <main>
      <h1>Not found</h1>
      <p>There is no page here. <a href="/orders">Your orders</a></p>
    </main>
  );
}
