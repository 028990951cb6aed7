// The first-load budget: the scripts, styles and preloads index.html names (what a visitor downloads
// before the first page shows; the graph page's chunk is loaded later) at most 60 KB gzip in all.
// Run after `vite build` by build.sh; prints each file and fails the build over budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 60 * 1024;
const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
if (files.length === 0) {
  console.error('budget: index.html names no assets; is dist built?');
  process.exit(1);
}
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`budget: ${file} ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(`budget: first load ${(total / 1024).toFixed(1)} KB gzip of ${BUDGET / 1024} KB`);
if (total > BUDGET) {
  console.error('budget: the first load is over budget; move code behind a dynamic import (as the graph page is)');
  process.exit(1);
}
