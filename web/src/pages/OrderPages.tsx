import { useEffect, useState } from 'preact/hooks';
import { api, NEXT_STATUSES, type Order, type OrderPage as Page, type Status } from '../api';
import { Field, placeProblem, ProblemBox, useSubmit, type PlacedProblem } from '../forms';
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

export function StatusBadge(props: { status: Status }) {
  return <span class={`badge ${props.status}`}>{props.status}</span>;
}

export function OrdersPage(props: { filter: string }) {
  const filter = (FILTERS as readonly string[]).includes(props.filter) ? props.filter : 'all';
  const [orders, setOrders] = useState<Order[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<PlacedProblem | null>(null);

  async function load(from: string | null) {
    setLoading(true);
    try {
      const page = await api.get<Page>(listQuery(filter, from));
      setOrders((current) => (from ? [...current, ...page.items] : page.items));
      setCursor(page.next_cursor);
      setProblem(null);
    } catch (error) {
      setProblem(placeProblem(error, []));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
  }, [filter]);

  return (
    <main>
      <div class="toolbar">
        <h1>Orders</h1>
        <a class="button" href="/orders/new">New order</a>
      </div>
      <label for="filter">Show</label>{' '}
      <select id="filter" value={filter}
        onChange={(e) => navigate(e.currentTarget.value === 'all' ? '/orders' : `/orders?filter=${e.currentTarget.value}`)}>
        {FILTERS.map((f) => <option key={f} value={f}>{f}</option>)}
      </select>
      <ProblemBox message={problem?.message} />
      <ul class="orders" aria-busy={loading}>
        {orders.map((order) => (
          <li key={order.id}>
            <a href={`/orders/${order.id}`}>{order.title}</a> <StatusBadge status={order.status} />
            {order.blocked_by.length > 0 && <span class="muted"> waits for {order.blocked_by.length}</span>}
          </li>
        ))}
      </ul>
      {!loading && orders.length === 0 && !problem && <p class="muted">No orders here yet.</p>}
      {cursor && <button type="button" class="secondary" disabled={loading} onClick={() => load(cursor)}>Load more</button>}
    </main>
  );
}

export function NewOrderPage() {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const { busy, submit, fieldError, formProblem } = useSubmit(['title', 'description'], async () => {
    const order = await api.post<Order>('/api/orders', description ? { title, description } : { title });
    navigate(`/orders/${order.id}`);
  });

  return (
    <main class="narrow">
      <h1>New order</h1>
      <form onSubmit={submit} noValidate>
        <ProblemBox message={formProblem?.message} error={formProblem?.error} />
        <Field id="title" label="Title" error={fieldError('title')}>
          <input id="title" required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </Field>
        <Field id="description" label="Description" error={fieldError('description')}>
          <textarea id="description" rows={5} maxLength={4000} value={description}
            onInput={(e) => setDescription(e.currentTarget.value)} />
        </Field>
        <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create order'}</button>
      </form>
    </main>
  );
}

export function OrderPage(props: { id: string }) {
  const [order, setOrder] = useState<Order | null>(null);
  const [problem, setProblem] = useState<PlacedProblem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setOrder(null);
    api.get<Order>(`/api/orders/${encodeURIComponent(props.id)}`).then(setOrder, (error) => setProblem(placeProblem(error, [])));
  }, [props.id]);

  async function move(status: Status) {
    if (!order) return;
    setBusy(true);
    setProblem(null);
    try {
      setOrder(await api.put<Order>(`/api/orders/${order.id}`, { status, version: order.version }));
    } catch (error) {
      setProblem(placeProblem(error, []));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!order || !confirm(`Delete "${order.title}"?`)) return;
    try {
      await api.delete(`/api/orders/${order.id}`);
      navigate('/orders');
    } catch (error) {
      setProblem(placeProblem(error, []));
    }
  }

  if (!order) {
    return (
      <main>
        <ProblemBox message={problem?.message} error={problem?.error} />
        {!problem && <p aria-busy="true">Loading…</p>}
      </main>
    );
  }
  return (
    <main>
      <div class="toolbar">
        <h1>{order.title}</h1>
        <StatusBadge status={order.status} />
      </div>
      {order.description && <p class="description">{order.description}</p>}
      <ProblemBox message={problem?.message} error={problem?.error} />
      <div class="actions">
        {NEXT_STATUSES[order.status].map((status) => (
          <button type="button" key={status} disabled={busy} onClick={() => move(status)}>Mark {status}</button>
        ))}
        <button type="button" class="danger" onClick={remove}>Delete</button>
      </div>
      <OrderLinks title="Depends on" ids={order.dependencies} />
      <OrderLinks title="Waiting for" ids={order.blocked_by} />
      <OrderLinks title="Blocked by a failure of" ids={order.blocked_by_failure} />
      <OrderLinks title="Needed by" ids={order.dependents} />
    </main>
  );
}

function OrderLinks(props: { title: string; ids: string[] }) {
  if (props.ids.length === 0) return null;
  return (
    <section>
      <h2>{props.title}</h2>
      <ul class="order-links">
        {props.ids.map((id) => <li key={id}><a href={`/orders/${id}`}>{id}</a></li>)}
      </ul>
    </section>
  );
}
