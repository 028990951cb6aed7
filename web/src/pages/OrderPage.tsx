import { useEffect, useState } from 'preact/hooks';
import { api, NEXT_STATUSES, type Order, type Status } from '../api';
import { ProblemBox, useAction } from '../forms';
import { OrderForm, type OrderFields } from '../orders/OrderForm';
import { useOrders, type Found } from '../orders/lookup';
import { OrderRefs, StatusBadge } from '../orders/parts';
import { ActivityList } from '../activity';
import { nameOf, useMembers } from '../members';
import { navigate, useTitle } from '../router';
import { session } from '../session';
import { refusal, useWorkspace, workspacePath, type Member, type Role } from '../workspace';

/** What an edit changed, so an untouched dependency list is not sent (and not re-checked for cycles). */
export function changes(order: Order, fields: OrderFields): Partial<OrderFields> {
  const changed: Partial<OrderFields> = {};
  if (fields.title !== order.title) changed.title = fields.title;
  if (fields.description !== order.description) changed.description = fields.description;
  if (fields.dependencies.join() !== order.dependencies.join()) changed.dependencies = fields.dependencies;
  if (fields.auto_activate !== order.auto_activate) changed.auto_activate = fields.auto_activate;
  return changed;
}

/**
 * Why this user may not delete the order, or undefined: a member deletes the orders it created, an admin any (the
 * server still decides).
 */
export function deleteRefusal(order: Order, role: Role | undefined, userId: string | undefined): string | undefined {
  return order.created_by === userId ? refusal(role, 'delete_own_order') : refusal(role, 'delete_any_order');
}

/**
 * An order (the page every Discord embed links to): its state, what blocks it, its moves, edit and delete; in a
 * team's workspace also its assignee, who created and last changed it, and its activity.
 */
export function OrderPage(props: { id: string }) {
  const [order, setOrder] = useState<Order | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useTitle(order ? order.title : 'Order');
  const { busy, run, formProblem } = useAction();
  const workspace = useWorkspace();
  const members = useMembers(workspace);
  const url = workspacePath(`/orders/${encodeURIComponent(props.id)}`);
  const cannotEdit = refusal(workspace?.role, 'edit_orders');
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

  const cannotDelete = deleteRefusal(order, workspace?.role, session()?.userId);
  const team = workspace !== null && !workspace.personal;
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
          <button type="button" key={status} disabled={busy || !!cannotEdit} aria-describedby={cannotEdit ? 'edit-refused' : undefined}
            onClick={() => move(status)}>Mark {status}</button>
        ))}
        <button type="button" class="secondary" disabled={!!cannotEdit} aria-describedby={cannotEdit ? 'edit-refused' : undefined}
          onClick={() => setEditing(true)}>Edit</button>
        <a class="button secondary" href={`/graph?root=${encodeURIComponent(order.id)}`}>Graph</a>
        {!confirming && (
          <button type="button" class="danger" disabled={!!cannotDelete} aria-describedby={cannotDelete ? 'delete-refused' : undefined}
            onClick={() => setConfirming(true)}>Delete</button>
        )}
      </div>
      {cannotEdit && <p class="muted" id="edit-refused">{cannotEdit}</p>}
      {cannotDelete && !cannotEdit && <p class="muted" id="delete-refused">Delete: {cannotDelete}</p>}
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
      {team && <Assignee order={order} members={members} refused={cannotEdit} busy={busy}
        onChange={(assignee) => run(async () => setOrder(await api.put<Order>(url, { assignee, version: order.version })))} />}
      <p class="muted">
        Created {new Date(order.created_at).toLocaleString()}{team && <> by {nameOf(members, order.created_by)}</>}
        {' '}· updated {new Date(order.updated_at).toLocaleString()}{team && <> by {nameOf(members, order.updated_by)}</>}
      </p>
      {team && workspace && (
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading">Activity</h2>
          <ActivityList workspace={workspace} orderId={order.id} version={order.version} />
        </section>
      )}
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

/** Who the order is assigned to, changed on the spot (any member may assign). */
function Assignee(props: { order: Order; members: Member[]; refused?: string; busy: boolean; onChange: (assignee: string | null) => void }) {
  const { order, members } = props;
  return (
    <div class="field">
      <label for="assignee">Assigned to</label>
      <select id="assignee" value={order.assignee ?? ''} disabled={props.busy || !!props.refused}
        aria-describedby={props.refused ? 'edit-refused' : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value || null)}>
        <option value="">nobody</option>
        {members.map((m) => <option key={m.user_id} value={m.user_id}>{m.username}</option>)}
      </select>
    </div>
  );
}
