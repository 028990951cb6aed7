// Graph page benchmark: 1,000 orders (chains of ten, every third order also waiting on an earlier chain)
// created through the API of a running local cloud, then the graph page opened RUNS times in Debian's
// Chromium. Reports, per run, the layout and drawing time (graph answer received → nodes painted) and
// the whole page (navigation → nodes painted, API call and lazy chunk included).
//   node web/e2e/graph-bench.mjs BASE_URL MAIL_DIR [ORDERS] [RUNS]
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './chromium.mjs';

const [base, mailDir, ordersArg = '1000', runsArg = '7'] = process.argv.slice(2);
const ORDERS = Number(ordersArg);
const RUNS = Number(runsArg);
const name = `bench${Date.now().toString(36)}`;
const password = 'violet kettle orbit mango';

async function api(method, path, body, token) {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

await api('POST', '/api/auth/register', { email: `${name}@example.org`, username: name, password });
const mail = readdirSync(mailDir).map((f) => readFileSync(join(mailDir, f), 'utf8')).find((m) => m.includes(`To: ${name}@example.org`));
await api('POST', '/api/auth/verify-email', { token: mail.match(/verify-email\?token=([A-Za-z0-9_-]+)/)[1] });
const { access_token: token } = await api('POST', '/api/auth/token', { username: name, password });

const started = Date.now();
const ids = [];
for (let i = 0; i < ORDERS; i++) {
  const dependencies = [];
  if (i % 10 !== 0) dependencies.push(ids[i - 1]);
  if (i >= 10 && i % 3 === 0) dependencies.push(ids[(i * 31) % (i - (i % 10))]);
  const order = await api('POST', '/api/orders', { title: `Order ${i} of the sample plan`, dependencies }, token);
  ids.push(order.id);
}
console.log(`seeded ${ORDERS} orders in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const { context, page } = await launch({ width: 1280, height: 900 });
page.setDefaultTimeout(60_000);
await page.goto(`${base}/login`);
await page.getByLabel('Username or email').fill(name);
await page.getByLabel('Password', { exact: true }).fill(password);
await page.getByRole('button', { name: 'Log in' }).click();
await page.waitForURL(`${base}/orders`);

const layout = [];
const whole = [];
for (let run = 0; run < RUNS; run++) {
  await page.goto(`${base}/graph`);
  await page.waitForFunction((n) => document.body.dataset.graphDrawn === String(n), ORDERS);
  const [drawn, total] = await page.evaluate(() => [
    performance.getEntriesByName('graph-layout-and-draw').at(-1).duration,
    performance.getEntriesByName('graph-drawn').at(-1).startTime,
  ]);
  layout.push(drawn);
  whole.push(total);
  console.log(`run ${run + 1}: layout+draw ${drawn.toFixed(0)} ms, navigation to drawn ${total.toFixed(0)} ms`);
}
await page.screenshot({ path: join(tmpdir(), "graph-1000.png") });
await context.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`graph of ${ORDERS} orders: layout+draw median ${median(layout).toFixed(0)} ms (min ${Math.min(...layout).toFixed(0)}, max ${Math.max(...layout).toFixed(0)}); `
  + `navigation to drawn median ${median(whole).toFixed(0)} ms`);
