import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { ProblemBox, useAction } from './forms';
import { orderPath } from './orders/parts';
import { workspacePath, type Activity, type Workspace } from './workspace';

/** The query of an activity page: one order's or the whole workspace's, newest first. */
export function activityQuery(orderId: string | undefined, cursor: string | null, limit = 20): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (orderId) query.set('order_id', orderId);
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}

/**
 * What happened in a workspace (or to one order), newest first, a page at a time. The log is written from the
 * table stream, so a change shows a moment after it is made: {@code version} changing loads it again.
 */
export function ActivityList(props: { workspace: Workspace; orderId?: string; version?: number }) {
  const [items, setItems] = useState<Activity[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { busy, run, formProblem } = useAction();

  const load = (from: string | null) => run(async () => {
    const page = await api.get<{ items: Activity[]; next_cursor: string | null }>(
      workspacePath(`/activity?${activityQuery(props.orderId, from)}`, props.workspace));
    setItems((current) => (from ? [...current, ...page.items] : page.items));
    setCursor(page.next_cursor);
    setLoaded(true);
  });

  useEffect(() => {
    void load(null);
  }, [props.workspace.id, props.orderId, props.version]);

  return (
    <>
      <ProblemBox message={formProblem?.message} />
      <ul class="activity" aria-busy={busy || !loaded} aria-label="Activity">
        {items.map((item) => (
          <li key={item.id}>
            <time dateTime={item.at}>{new Date(item.at).toLocaleString()}</time>{' '}
            {/* Some summaries begin with who did it ("grace joined as member"): the name is not said twice. */}
            {!item.summary.startsWith(`${item.actor.username} `) && <><strong>{item.actor.username}</strong> </>}{item.summary}
            {!props.orderId && item.order_id && <> · <a href={orderPath(item.order_id)}>open</a></>}
          </li>
        ))}
      </ul>
      {loaded && items.length === 0 && <p class="muted">Nothing yet.</p>}
      {cursor && <button type="button" class="secondary" disabled={busy} onClick={() => load(cursor)}>Older</button>}
    </>
  );
}
