import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { api, type Graph } from '../api';
import { ProblemBox, useAction } from '../forms';
import { layOut, NODE_HEIGHT, NODE_WIDTH, type Drawing } from '../graph/layout';
import { orderPath } from '../orders/parts';
import { nameOf, useMembers } from '../members';
import { useWorkspace, workspacePath, type Member } from '../workspace';

const ZOOMS = [0.25, 0.4, 0.6, 0.8, 1, 1.25];

/**
 * The user's dependency graph left to right, coloured by status, the critical path drawn bold; each
 * node links to its order. With {@code root}, only what that order depends on. Loaded on its own
 * (with the layout library) the first time someone opens it.
 */
export default function GraphPage(props: { root: string | null }) {
  const [graph, setGraph] = useState<Graph | null>(null);
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  const [zoom, setZoom] = useState(1);
  const { run, formProblem } = useAction();
  const workspace = useWorkspace();
  // Only a team's graph names assignees.
  const team = workspace && !workspace.personal ? workspace : null;
  const members = useMembers(team);

  useEffect(() => {
    setGraph(null);
    setDrawing(null);
    const query = props.root ? `?root=${encodeURIComponent(props.root)}` : '';
    void run(async () => {
      performance.mark('graph-requested');
      const answer = await api.get<Graph>(workspacePath(`/orders/graph${query}`));
      performance.mark('graph-loaded');
      setGraph(answer);
      const laidOut = layOut(answer);
      setDrawing(laidOut);
      // Fit wide graphs to the window at first; the zoom buttons change it.
      const fit = ZOOMS.filter((z) => laidOut.width * z <= Math.max(window.innerWidth - 32, 320)).pop() ?? ZOOMS[0];
      setZoom(Math.min(fit, 1));
    });
  }, [props.root]);

  // Once the nodes are painted: the figure the benchmark reads (answer received → laid out → painted).
  useLayoutEffect(() => {
    if (drawing) {
      // A task queued from the next animation frame runs after that frame is painted.
      requestAnimationFrame(() => setTimeout(() => {
        performance.mark('graph-drawn');
        performance.measure('graph-layout-and-draw', 'graph-loaded', 'graph-drawn');
        document.body.dataset.graphDrawn = String(drawing.nodes.length);
      }));
    }
  }, [drawing]);

  const rootTitle = props.root ? graph?.nodes.find((n) => n.id === props.root)?.title : undefined;
  return (
    <main class="wide">
      <div class="toolbar">
        <h1>{props.root ? `What “${rootTitle ?? props.root}” depends on` : 'Dependency graph'}</h1>
        <div class="actions" role="group" aria-label="Zoom">
          <button type="button" class="secondary" aria-label="Zoom out" disabled={zoom === ZOOMS[0]}
            onClick={() => setZoom(ZOOMS[Math.max(0, ZOOMS.indexOf(zoom) - 1)])}>−</button>
          <button type="button" class="secondary" aria-label="Zoom in" disabled={zoom === ZOOMS[ZOOMS.length - 1]}
            onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(zoom) + 1)])}>+</button>
        </div>
      </div>
      {props.root && <p><a href={orderPath(props.root)}>Open the order</a> · <a href="/graph">Show every order</a></p>}
      <ProblemBox message={formProblem?.message} error={formProblem?.error} />
      {!drawing && !formProblem && <p aria-busy="true">Laying out…</p>}
      {graph && drawing && (
        <>
          <p class="muted legend">
            {graph.nodes.length} orders, {graph.edges.length} dependencies. Arrows point from a dependency to the order
            waiting for it; the bold chain is the critical path ({graph.critical_path.length} orders).
            <span class="badge pending">pending</span> <span class="badge active">active</span>{' '}
            <span class="badge completed">completed</span> <span class="badge failed">failed</span>
          </p>
          {graph.nodes.length === 0 ? <p>No orders yet. <a href="/orders/new">Create one</a>.</p> : <Figure drawing={drawing} zoom={zoom} members={team ? members : null} />}
        </>
      )}
    </main>
  );
}

/** Each node links to its order; in a team's workspace its label and tooltip also name the assignee. */
function Figure(props: { drawing: Drawing; zoom: number; members: Member[] | null }) {
  const { drawing, zoom, members } = props;
  const assigned = (assignee: string | null) => (members && assignee ? `, assigned to ${nameOf(members, assignee)}` : '');
  return (
    <div class="graph-frame">
      <svg class="graph" role="group" aria-label={`Dependency graph of ${drawing.nodes.length} orders`}
        width={drawing.width * zoom} height={drawing.height * zoom} viewBox={`0 0 ${drawing.width} ${drawing.height}`}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0L10,5L0,10z" class="arrow-head" />
          </marker>
        </defs>
        <g>
          {drawing.edges.map((edge) => (
            <path key={`${edge.from}>${edge.to}`} d={edge.path} class={edge.critical ? 'edge critical' : 'edge'} marker-end="url(#arrow)" />
          ))}
        </g>
        {drawing.nodes.map((node) => (
          <a key={node.id} href={orderPath(node.id)} class={`node ${node.status}${node.critical ? ' critical' : ''}`}
            aria-label={`${node.title} (${node.status}${assigned(node.assignee)}${node.critical ? ', on the critical path' : ''})`}>
            <title>{`${node.title} (${node.status}${assigned(node.assignee)})`}</title>
            <rect x={node.x} y={node.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx="6" />
            <text x={node.x + 10} y={node.y + NODE_HEIGHT / 2 + 5}>{node.label}</text>
          </a>
        ))}
      </svg>
    </div>
  );
}
