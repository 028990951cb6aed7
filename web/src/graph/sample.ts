import type { Graph, Status } from '../api';

const STATUSES: Status[] = ['completed', 'active', 'pending', 'failed'];

/**
 * A made-up graph shaped like real work: {@code size} orders in chains of about ten, each order
 * also waiting on one or two orders of earlier chains. For tests and the layout benchmark.
 */
export function sampleGraph(size: number): Graph {
  const nodes: Graph['nodes'] = [];
  const edges: Graph['edges'] = [];
  const id = (i: number) => `o${String(i).padStart(5, '0')}`;
  for (let i = 0; i < size; i++) {
    nodes.push({ id: id(i), title: `Order ${i} of the sample plan`, status: STATUSES[(i * 7) % 4], assignee: null });
    if (i % 10 !== 0) edges.push({ dependency: id(i - 1), dependent: id(i) });
    if (i >= 10 && i % 3 === 0) edges.push({ dependency: id((i * 31) % (i - i % 10)), dependent: id(i) });
  }
  const critical = Array.from({ length: Math.min(size, 10) }, (_, i) => id(i));
  return { nodes, edges, topological_order: nodes.map((n) => n.id), critical_path: critical };
}
