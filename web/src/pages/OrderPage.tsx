import { useEffect, useState } from 'preact/hooks';
import { api, NEXT_STATUSES, type Order, type Status } from '../api';
import { ProblemBox, useAction } from '../forms';
import { OrderForm, type OrderFields } from '../orders/OrderForm';
import { useOrders, type Found } from '../orders/lookup';
import { OrderRefs, StatusBadge } from '../orders/parts';
import { navigate, useTitle } from '../router';

/** What an edit changed, so an untouched dependency list is not sent (and not re-checked for cycles). */
export function changes(order: Order, fields: OrderFields): Partial<OrderFields> {
  const changed: Partial<OrderFields> = {};
  if (fields.title !== order.title) changed.title = fields.title;
  if (fields.description !== order.description) changed.description = fields.description;
  if (fields.dependencies.join() !== order.dependencies.join()) changed.dependencies = fields.dependencies;
  if (fields.auto_activate !== order.auto_activate) changed.auto_activate = fields.auto_activate;
  return changed;
}

/** An order (the page every Discord embed links to): its state, what blocks it, its moves, edit and delete. */
export function OrderPage(props: { id: string }) {
  const [order, setOrder] = useState<Order | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useTitle(order ? order.title : 'Order');
  const { busy, run, formProblem } = useAction();
  const url = `/api/orders/${encodeURIComponent(props.id)}`;
  // One lookup for every order the page names (blockers are among the dependencies).
  const found = useOrders(order ? [...order.dependencies, ...order.dependents] : []);

  useEffect(() => {
    setOrder(null);
    setEditing(false);
    void run(async () => setOrder(await api.get<Order>(url)));
  }, [props.id]);

  if (!order) {
    return (
      <main>
        <ProblemBox message={formProblem?.message} error={formProblem?.error} />
        {!formProblem && <p aria-busy="true">Loading…</p>}
      </main>
    );
  }

  const move = (status: Status) => run(async () => setOrder(await api.put<Order>(url, { status, version: order.version })));
  const remove = () => run(async () => {
    setConfirming(false);
    await api.delete(url);
    navigate('/orders');
  });

  if (editing) {
    return (
      <main class="narrow">
        <h1>Edit order</h1>
        <OrderForm initial={order} self={order.id} submitLabel="Save" busyLabel="Saving…" onCancel={() => setEditing(false)}
          dependenciesLocked={order.status === 'pending' || order.status === 'failed' ? undefined
            : `Dependencies can change only while the order is pending or failed; it is ${order.status}.`}
          onSubmit={async (fields) => {
            const changed = changes(order, fields);
            if (Object.keys(changed).length > 0) {
              setOrder(await api.put<Order>(url, { ...changed, version: order.version }));
            }
            setEditing(false);
          }} />
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
      <ProblemBox message={formProblem?.message} error={formProblem?.error} />
      <div class="actions" aria-label="Status moves" role="group">
        {NEXT_STATUSES[order.status].map((status) => (
          <button type="button" key={status} disabled={busy} onClick={() => move(status)}>Mark {status}</button>
        ))}
        <button type="button" class="secondary" onClick={() => setEditing(true)}>Edit</button>
        <a class="button secondary" href={`/graph?root=${encodeURIComponent(order.id)}`}>Graph</a>
        {!confirming && <button type="button" class="danger" onClick={() => setConfirming(true)}>Delete</button>}
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">Delete “{order.title}”? This cannot be undone.</p>
          <button type="button" class="danger" disabled={busy} onClick={remove}>Delete order</button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>Keep it</button>
        </div>
      )}
      {order.auto_activate && <p class="muted">Starts by itself once every dependency is completed.</p>}
      <OrderSection title="Waiting for" hint="dependencies not completed yet" ids={order.blocked_by} found={found} />
      <OrderSection title="Blocked by a failure of" hint="move them back to pending to unblock this order"
        ids={order.blocked_by_failure} found={found} />
      <OrderSection title="Depends on" ids={order.dependencies} found={found} empty="Nothing: it can start at once." />
      <OrderSection title="Needed by" ids={order.dependents} found={found} empty="No order depends on it." />
      <p class="muted">Created {new Date(order.created_at).toLocaleString()} · updated {new Date(order.updated_at).toLocaleString()}</p>
    </main>
  );
}

function OrderSection(props: { title: string; hint?: string; ids: string[]; found: Found; empty?: string }) {
  if (props.ids.length === 0 && !props.empty) return null;
  return (
    <section>
      <h2>{props.title}{props.hint && <span class="muted"> ({props.hint})</span>}</h2>
      {props.ids.length === 0 ? <p class="muted">{props.empty}</p> : <OrderRefs ids={props.ids} label={props.title} found={props.found} />}
    </section>
  );
}
