import { graphlib, layout as dagreLayout } from '@dagrejs/dagre';
import type { Graph, Status } from '../api';

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 44;
/**
 * Above this many orders dagre ranks by longest path: its default (network simplex) gives tighter
 * drawings but took 2-9 s for 1,000 orders here, longest path about 0.4 s.
 */
export const SIMPLEX_LIMIT = 300;
/** Characters of a title that fit a node; the whole title is in the node's tooltip and label. */
const TITLE_CHARS = 24;

export interface PlacedNode {
  id: string;
  title: string;
  label: string;
  status: Status;
  /** The assignee's user id, or null. */
  assignee: string | null;
  critical: boolean;
  /** Top-left corner. */
  x: number;
  y: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  critical: boolean;
  /** SVG path data. */
  path: string;
}

export interface Drawing {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export function shorten(title: string, max = TITLE_CHARS): string {
  const chars = [...title];
  return chars.length <= max ? title : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Lays the graph out left to right (dependencies before their dependents). The critical path is
 * the API's: its nodes and the edges between consecutive ones are marked.
 */
export function layOut(graph: Graph): Drawing {
  const g = new graphlib.Graph();
  g.setGraph({
    rankdir: 'LR', nodesep: 16, ranksep: 56, marginx: 8, marginy: 8,
    ranker: graph.nodes.length > SIMPLEX_LIMIT ? 'longest-path' : 'network-simplex',
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  }
  for (const edge of graph.edges) {
    g.setEdge(edge.dependency, edge.dependent);
  }
  dagreLayout(g);

  const onPath = new Set(graph.critical_path);
  const pathEdges = new Set(graph.critical_path.slice(1).map((id, i) => `${graph.critical_path[i]}\u0000${id}`));
  const nodes = graph.nodes.map((node) => {
    const placed = g.node(node.id);
    return {
      id: node.id,
      title: node.title,
      label: shorten(node.title),
      status: node.status,
      assignee: node.assignee ?? null,
      critical: onPath.has(node.id),
      x: placed.x - NODE_WIDTH / 2,
      y: placed.y - NODE_HEIGHT / 2,
    };
  });
  const edges = graph.edges.map((edge) => {
    const points: { x: number; y: number }[] = g.edge(edge.dependency, edge.dependent).points ?? [];
    return {
      from: edge.dependency,
      to: edge.dependent,
      critical: pathEdges.has(`${edge.dependency}\u0000${edge.dependent}`),
      path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(''),
    };
  });
  const size = g.graph();
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges };
}
