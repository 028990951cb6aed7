import { describe, expect, it } from 'vitest';
import type { Graph } from './api';
import { layOut, NODE_HEIGHT, NODE_WIDTH, shorten } from './graph/layout';
import { sampleGraph } from './graph/sample';

const diamond: Graph = {
  nodes: [
    { id: 'a', title: 'Buy paper', status: 'completed' },
    { id: 'b', title: 'Print', status: 'active' },
    { id: 'c', title: 'Fold', status: 'pending' },
    { id: 'd', title: 'Ship', status: 'failed' },
  ],
  edges: [
    { dependency: 'a', dependent: 'b' }, { dependency: 'a', dependent: 'c' },
    { dependency: 'b', dependent: 'd' }, { dependency: 'c', dependent: 'd' },
  ],
  topological_order: ['a', 'b', 'c', 'd'],
  critical_path: ['a', 'b', 'd'],
};

describe('the graph layout', () => {
  it('puts every dependency left of the orders waiting for it, inside the drawing', () => {
    for (const graph of [diamond, sampleGraph(400)]) {
      const drawing = layOut(graph);
      const at = new Map(drawing.nodes.map((n) => [n.id, n]));
      for (const edge of graph.edges) {
        expect(at.get(edge.dependency)!.x + NODE_WIDTH).toBeLessThan(at.get(edge.dependent)!.x);
      }
      for (const node of drawing.nodes) {
        expect(node.x).toBeGreaterThanOrEqual(0);
        expect(node.y).toBeGreaterThanOrEqual(0);
        expect(node.x + NODE_WIDTH).toBeLessThanOrEqual(drawing.width);
        expect(node.y + NODE_HEIGHT).toBeLessThanOrEqual(drawing.height);
      }
      expect(drawing.edges.every((e) => e.path.startsWith('M'))).toBe(true);
    }
  });

  it('marks the critical path: its orders and the edges between consecutive ones only', () => {
    const drawing = layOut(diamond);
    expect(drawing.nodes.filter((n) => n.critical).map((n) => n.id)).toEqual(['a', 'b', 'd']);
    expect(drawing.edges.filter((e) => e.critical).map((e) => `${e.from}>${e.to}`)).toEqual(['a>b', 'b>d']);
  });

  it('keeps statuses and whole titles, shortening only the label', () => {
    const long = { ...diamond, nodes: [{ id: 'a', title: 'A very long title for a very small box', status: 'pending' as const }], edges: [], critical_path: ['a'] };
    const [node] = layOut(long).nodes;
    expect(node.title).toBe('A very long title for a very small box');
    expect(node.label).toBe('A very long title for a…');
    expect(shorten('😀'.repeat(30), 5)).toBe('😀😀😀😀…');
  });

  it('draws an empty graph as an empty drawing', () => {
    const drawing = layOut({ nodes: [], edges: [], topological_order: [], critical_path: [] });
    expect(drawing.nodes).toEqual([]);
  });
});
