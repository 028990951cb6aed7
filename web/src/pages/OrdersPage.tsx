import { useEffect, useState } from 'preact/hooks';
import { api, type Order, type OrderPage as Page } from '../api';
import { ProblemBox, useAction } from '../forms';
import { nameOf, useMembers } from '../members';
import { orderPath, StatusBadge } from '../orders/parts';
import { navigate } from '../router';
import { refusal, useWorkspace, workspacePath } from '../workspace';

/** Pages one "load" reads at most while a filter leaves them sparse (then "Load more" reads on). */
const MAX_PAGES_PER_LOAD = 10;
const FILTERS = ['all', 'pending', 'active', 'completed', 'failed', 'ready', 'blocked'] as const;

/**
 * The query of a listing: a status filter or a workflow view (they cannot be combined), the assignee (a user id or
 * "me"), the page size and cursor.
 */
export function listQuery(filter: string, cursor: string | null, limit = 20, assignee = ''): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (filter === 'ready' || filter === 'blocked') {
    query.set('view', filter);
  } else if (filter !== 'all') {
    query.set('status', filter);
  }
  if (assignee) {
    query.set('assignee', assignee);
  }
  if (cursor) {
    query.set('cursor', cursor);
  }
  return query.toString();
}

/** The orders page's own address for a filter and an assignee. */
function pagePath(filter: string, assignee: string): string {
  const query = new URLSearchParams();
  if (filter !== 'all') query.set('filter', filter);
  if (assignee) query.set('assignee', assignee);
  return query.size > 0 ? `/orders?${query}` : '/orders';
}

export function OrdersPage(props: { filter: string; assignee: string }) {
  const filter = (FILTERS as readonly string[]).includes(props.filter) ? props.filter : 'all';
  const workspace = useWorkspace();
  const members = useMembers(workspace);
  const [orders, setOrders] = useState<Order[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { busy, run, formProblem } = useAction();
  const loading = busy || (!loaded && !formProblem);
  const cannotCreate = refusal(workspace?.role, 'edit_orders');

  // A filtered page (by assignee) may hold fewer orders than asked, even none: read on until a page's worth is in.
  const load = (from: string | null) => run(async () => {
    const items: Order[] = [];
    let next = from;
    for (let pages = 0; pages < MAX_PAGES_PER_LOAD; pages++) {
      const page: Page = await api.get<Page>(workspacePath(`/orders?${listQuery(filter, next, 20, props.assignee)}`));
      items.push(...page.items);
      next = page.next_cursor;
      if (!next || items.length >= 20) break;
    }
    setOrders((current) => (from ? [...current, ...items] : items));
    setCursor(next);
    setLoaded(true);
  });

  useEffect(() => {
    setLoaded(false);
    void load(null);
  }, [filter, props.assignee]);

  return (
    <main>
      <div class="toolbar">
        <h1>Orders</h1>
        <div class="actions">
          <a class="button secondary" href="/graph">Graph</a>
          {cannotCreate ? (
            <button type="button" disabled aria-describedby="create-refused">New order</button>
          ) : (
            <a class="button" href="/orders/new">New order</a>
          )}
        </div>
      </div>
      {cannotCreate && <p class="muted" id="create-refused">{cannotCreate}</p>}
      <div class="filters">
        <span>
          <label for="filter">Show</label>{' '}
          <select id="filter" value={filter} onChange={(e) => navigate(pagePath(e.currentTarget.value, props.assignee))}>
            {FILTERS.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </span>
        {workspace && !workspace.personal && (
          <span>
            <label for="assignee-filter">Assigned to</label>{' '}
            <select id="assignee-filter" value={props.assignee} onChange={(e) => navigate(pagePath(filter, e.currentTarget.value))}>
              <option value="">anyone</option>
              <option value="me">me</option>
              {members.map((m) => <option key={m.user_id} value={m.user_id}>{m.username}</option>)}
            </select>
          </span>
        )}
      </div>
      <ProblemBox message={formProblem?.message} error={formProblem?.error} />
      <ul class="orders" aria-busy={loading}>
        {orders.map((order) => (
          <li key={order.id}>
            <a href={orderPath(order.id)}>{order.title}</a> <StatusBadge status={order.status} />
            {order.blocked_by.length > 0 && <span class="muted"> waits for {order.blocked_by.length}</span>}
            {workspace && !workspace.personal && order.assignee && <span class="muted"> · {nameOf(members, order.assignee)}</span>}
          </li>
        ))}
      </ul>
      {!loading && orders.length === 0 && !formProblem && <p class="muted">No orders here yet.</p>}
      {cursor && <button type="button" class="secondary" disabled={loading} onClick={() => load(cursor)}>Load more</button>}
    </main>
  );
}
