import { useEffect, useState } from 'preact/hooks';
import { api, type Order, type OrderPage as Page } from '../api';
import { ProblemBox, useAction } from '../forms';
import { orderPath, StatusBadge } from '../orders/parts';
import { navigate } from '../router';

const FILTERS = ['all', 'pending', 'active', 'completed', 'failed', 'ready', 'blocked'] as const;

/** The query of a listing: a status filter or a workflow view (they cannot be combined), the page size and cursor. */
export function listQuery(filter: string, cursor: string | null, limit = 20): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (filter === 'ready' || filter === 'blocked') {
    query.set('view', filter);
  } else if (filter !== 'all') {
    query.set('status', filter);
  }
  if (cursor) {
    query.set('cursor', cursor);
  }
  return `/api/orders?${query}`;
}

export function OrdersPage(props: { filter: string }) {
  const filter = (FILTERS as readonly string[]).includes(props.filter) ? props.filter : 'all';
  const [orders, setOrders] = useState<Order[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { busy, run, formProblem } = useAction();
  const loading = busy || (!loaded && !formProblem);

  const load = (from: string | null) => run(async () => {
    const page = await api.get<Page>(listQuery(filter, from));
    setOrders((current) => (from ? [...current, ...page.items] : page.items));
    setCursor(page.next_cursor);
    setLoaded(true);
  });

  useEffect(() => {
    setLoaded(false);
    void load(null);
  }, [filter]);

  return (
    <main>
      <div class="toolbar">
        <h1>Orders</h1>
        <div class="actions">
          <a class="button secondary" href="/graph">Graph</a>
          <a class="button" href="/orders/new">New order</a>
        </div>
      </div>
      <label for="filter">Show</label>{' '}
      <select id="filter" value={filter}
        onChange={(e) => navigate(e.currentTarget.value === 'all' ? '/orders' : `/orders?filter=${e.currentTarget.value}`)}>
        {FILTERS.map((f) => <option key={f} value={f}>{f}</option>)}
      </select>
      <ProblemBox message={formProblem?.message} />
      <ul class="orders" aria-busy={loading}>
        {orders.map((order) => (
          <li key={order.id}>
            <a href={orderPath(order.id)}>{order.title}</a> <StatusBadge status={order.status} />
            {order.blocked_by.length > 0 && <span class="muted"> waits for {order.blocked_by.length}</span>}
          </li>
        ))}
      </ul>
      {!loading && orders.length === 0 && !formProblem && <p class="muted">No orders here yet.</p>}
      {cursor && <button type="button" class="secondary" disabled={loading} onClick={() => load(cursor)}>Load more</button>}
    </main>
  );
}

