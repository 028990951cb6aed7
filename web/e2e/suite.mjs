// The browser suite: a person's path through the web app in Debian's Chromium, driven by playwright-core,
// against a running local cloud. Run by BrowserSuiteTest (infra/local-cloud) as
//   node web/e2e/suite.mjs BASE_URL MAIL_DIR DISCORD_DIR SCREENSHOT_DIR
// (mail and the local Discord sink's messages are files in those directories). Every page is checked with
// axe-core (no serious or critical violation) and saved as a screenshot. Prints one line per step and a
// closing "browser: N passed, N failed"; exits non-zero on any failure.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';
import { expect, harness, mailTo } from './harness.mjs';

const [base, mailDir, discordDir, shots] = process.argv.slice(2);
if (!base || !mailDir || !discordDir || !shots) {
  console.error('usage: node suite.mjs BASE_URL MAIL_DIR DISCORD_DIR SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const { context, page } = await launch({ width: 1000, height: 760 });
page.setDefaultTimeout(10_000);
const cspViolations = [];
page.on('console', (message) => {
  if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
});
const { step, shot, eventually, fitsPhone, checkedPages, finish } = harness(page, shots);

const name = `web${Date.now().toString(36)}`;
const email = `${name}@example.org`;
const password = 'violet kettle orbit mango';
let orderId = '';

async function logIn() {
  await page.getByLabel('Username or email').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

await step('a first visit: signed-out pages ask nothing that fails, and each has its own title', async () => {
  const failures = [];
  const onResponse = (response) => { if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`); };
  const onFailed = (request) => failures.push(`failed ${request.url()}`);
  const onConsole = (message) => { if (message.type() === 'error') failures.push(`console: ${message.text()}`); };
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  page.on('console', onConsole);
  const titles = {};
  try {
    for (const path of ['/login', '/signup', '/check-mail?email=someone%40example.org', '/orders']) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading').first().waitFor();
      titles[path] = await page.title();
    }
  } finally {
    page.off('response', onResponse);
    page.off('requestfailed', onFailed);
    page.off('console', onConsole);
  }
  expect(failures.length === 0, `no failed request or error: ${failures.join('; ')}`);
  expect(titles['/login'] === 'Log in · OrderChainer', `login title: ${titles['/login']}`);
  expect(titles['/signup'] === 'Create an account · OrderChainer', `signup title: ${titles['/signup']}`);
  expect(titles['/orders'] === 'Log in · OrderChainer', `a signed-in page sends you to sign in: ${titles['/orders']}`);
  expect(new Set(Object.values(titles)).size === 3, `distinct titles: ${JSON.stringify(titles)}`);
  const icon = await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href'));
  const iconAnswer = await page.request.get(`${base}${icon}`);
  expect(iconAnswer.status() === 200 && iconAnswer.headers()['content-type'].startsWith('image/svg+xml'), `favicon ${icon}`);
});

await step('sign up, with the password rules shown before submitting', async () => {
  await page.goto(`${base}/signup`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Username').fill(name);
  await page.getByLabel('Password').fill('short');
  expect(await page.getByText('At least 12 characters').isVisible(), 'rules are shown');
  await shot('signup');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/check-mail\?email=/);
  await page.getByRole('heading', { name: 'Check your mail' }).waitFor();
  await shot('check-mail');
});

await step('open the link from the mail and confirm on a button press', async () => {
  const mail = mailTo(mailDir, email);
  expect(mail, `a mail to ${email}`);
  const link = mail.match(/https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]+/)[0];
  expect(link.startsWith(base), `the link points at this origin: ${link}`);
  await page.goto(link);
  await shot('verify-email');
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await page.getByText('Your address is confirmed').waitFor();
});

await step('log in and land on the orders', async () => {
  await page.goto(`${base}/login`);
  await shot('login');
  await logIn();
  await page.waitForURL(`${base}/orders`);
  await page.getByRole('heading', { name: 'Orders' }).waitFor();
  await page.getByText('No orders here yet.').waitFor();
  await shot('orders-empty');
});

await step('a blank title is refused beside the field', async () => {
  await page.getByRole('link', { name: 'New order' }).click();
  await page.getByLabel('Title').fill('\u200b ');
  await page.getByRole('button', { name: 'Create order' }).click();
  await page.getByText("Field 'title' must not be blank").waitFor();
  await shot('new-order-error');
});

/** Creates an order through the form, choosing its dependencies with the picker's search. */
async function createOrder(title, description, dependsOn = []) {
  await page.goto(`${base}/orders/new`);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill(description);
  for (const dependency of dependsOn) {
    await page.getByLabel('Find an order to depend on').fill(dependency);
    await page.getByRole('button', { name: `Add “${dependency}”` }).click();
    await page.getByRole('button', { name: `Remove dependency ${dependency}` }).waitFor();
  }
  if (dependsOn.length > 0) await shot('new-order-with-dependencies');
  await page.getByRole('button', { name: 'Create order' }).click();
  await page.waitForURL(/\/orders\/[0-9A-Z]{26}$/);
  await page.getByRole('heading', { name: title }).waitFor();
  return page.url().split('/').pop();
}
const ids = {};

await step('create three orders, each depending on the one before', async () => {
  ids.paper = await createOrder('Buy paper', '80 g/m², 10 reams');
  ids.print = await createOrder('Print flyers', 'Two-sided, A5', ['Buy paper']);
  ids.ship = await createOrder('Ship flyers', 'To the three shops', ['Print flyers']);
  const dependsOn = page.getByRole('list', { name: 'Depends on' });
  await dependsOn.getByRole('link', { name: 'Print flyers' }).waitFor();
  expect(await dependsOn.locator('.badge.pending').count() === 1, 'the dependency is shown with its status');
  await page.getByRole('list', { name: 'Waiting for' }).getByRole('link', { name: 'Print flyers' }).waitFor();
  orderId = ids.ship;
  await shot('order');
});

await step('an illegal move is refused with the 409 detail and links to the blockers', async () => {
  await page.getByRole('button', { name: 'Mark active' }).click();
  const problem = page.getByRole('alert');
  await problem.getByText(/not completed/i).waitFor();
  await problem.getByRole('link', { name: 'Print flyers' }).waitFor();
  await shot('order-409');
  await problem.getByRole('link', { name: 'Print flyers' }).click();
  await page.waitForURL(`${base}/orders/${ids.print}`);
  await page.getByRole('list', { name: 'Needed by' }).getByRole('link', { name: 'Ship flyers' }).waitFor();
});

await step('edit an order; a dependency that would close a cycle is refused and named', async () => {
  await page.goto(`${base}/orders/${ids.paper}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Find an order to depend on').fill('ship');
  await page.getByRole('button', { name: 'Add “Ship flyers”' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  const problem = page.getByRole('alert');
  await problem.getByText(/cycle/i).waitFor();
  await problem.getByRole('link', { name: 'Print flyers' }).waitFor();
  await shot('order-edit-cycle');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.goto(`${base}/orders/${ids.print}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Title').fill('Print flyers (A5)');
  await page.getByLabel('Description').fill('Two-sided, A5, 500 copies');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Print flyers (A5)' }).waitFor();
  await eventually('the order page is titled by the order', async () => (await page.title()) === 'Print flyers (A5) · OrderChainer');
  await page.getByText('500 copies').waitFor();
  await page.getByRole('list', { name: 'Depends on' }).getByRole('link', { name: 'Buy paper' }).waitFor();
});

await step('completing them in order makes the last one ready', async () => {
  for (const id of [ids.paper, ids.print]) {
    await page.goto(`${base}/orders/${id}`);
    await page.getByRole('button', { name: 'Mark active' }).click();
    await page.getByRole('button', { name: 'Mark completed' }).click();
    await page.locator('.toolbar .badge.completed').waitFor();
    expect((await page.getByRole('button', { name: /^Mark / }).count()) === 0, 'completed is final: no moves offered');
  }
  // The ready view is kept by the dependency workflow from the table stream: it follows within moments.
  await eventually('Ship flyers appeared in the ready view', async () => {
    await page.goto(`${base}/orders?filter=ready`);
    await page.locator('ul.orders[aria-busy="false"]').waitFor();
    return (await page.getByRole('link', { name: 'Ship flyers' }).count()) > 0;
  });
  await shot('orders-ready');
  await page.getByRole('link', { name: 'Ship flyers' }).click();
  expect(await page.getByRole('heading', { name: 'Waiting for' }).count() === 0, 'nothing blocks it any more');
  await page.getByRole('button', { name: 'Mark active' }).click();
  await page.locator('.toolbar .badge.active').waitFor();
});

await step('the graph: laid out, coloured, critical path, a click opens the order', async () => {
  await page.getByRole('navigation').getByRole('link', { name: 'Graph' }).click();
  await page.getByRole('heading', { name: 'Dependency graph' }).waitFor();
  await page.locator('svg.graph a.node').first().waitFor();
  expect(await page.locator('svg.graph a.node').count() === 3, 'three orders drawn');
  expect(await page.locator('svg.graph a.node.completed').count() === 2 && await page.locator('svg.graph a.node.active').count() === 1,
    'coloured by status');
  expect(await page.locator('svg.graph .edge.critical').count() >= 1, 'the critical path is marked');
  await shot('graph');
  await page.locator('svg.graph a.node', { hasText: 'Print flyers' }).click();
  await page.waitForURL(`${base}/orders/${ids.print}`);
  await page.getByRole('heading', { name: 'Print flyers (A5)' }).waitFor();
  await page.getByRole('main').getByRole('link', { name: 'Graph' }).click();
  await page.getByRole('heading', { name: 'What “Print flyers (A5)” depends on' }).waitFor();
  await page.locator('svg.graph a.node').first().waitFor();
  expect(await page.locator('svg.graph a.node').count() === 2, 'root= shows the order and what it depends on, not its dependents');
});

await step('Discord: a wrong URL is refused beside its field; connect and send a test', async () => {
  await page.getByRole('navigation').getByRole('link', { name: 'Discord' }).click();
  await page.getByRole('heading', { name: 'Connect a channel' }).waitFor();
  await page.getByLabel('Webhook URL').fill('https://example.org/api/webhooks/1/x');
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.locator('#webhook_url-error').getByText(/not a Discord webhook URL/).waitFor();
  await page.getByLabel('Webhook URL').fill('https://discord.com/api/webhooks/112233445566778899/browserSuiteToken_abcdefghijklmnopqrstuvwxyz012345');
  await page.getByLabel('Name shown in Discord (optional)').fill('Flyer desk');
  await page.getByLabel('An order is edited').uncheck();
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByText('Notifications are on.').waitFor();
  expect(!(await page.content()).includes('browserSuiteToken_'), 'the webhook token is never shown');
  await page.getByRole('button', { name: 'Send a test message' }).click();
  await page.getByText('Discord accepted the test message').waitFor();
  await shot('discord');
});

await step('the exact URL a Discord embed carries opens the order', async () => {
  await page.goto(`${base}/orders/${ids.ship}`);
  await page.getByRole('button', { name: 'Mark completed' }).click();
  await page.locator('.toolbar .badge.completed').waitFor();
  const url = await eventually('an embed for the completion reached the Discord sink', () => {
    const messages = existsSync(discordDir) ? readdirSync(discordDir).map((f) => JSON.parse(readFileSync(join(discordDir, f), 'utf8'))) : [];
    return messages.flatMap((m) => m.embeds ?? []).map((e) => e.url).find((u) => u?.endsWith(`/orders/${ids.ship}`));
  });
  expect(url.startsWith(base), `the embed links to this origin: ${url}`);
  await page.goto(base);
  await page.goto(url);
  await page.getByRole('heading', { name: 'Ship flyers' }).waitFor();
});

await step('on a phone-sized screen the pages fit without sideways scrolling', async () => {
  await fitsPhone(base, [[`/orders/${ids.print}`, 'phone-order'], ['/orders', 'phone-orders'], ['/settings/discord', 'phone-discord']]);
});

await step('the list shows orders under their status', async () => {
  await page.getByRole('navigation').getByRole('link', { name: 'Orders' }).click();
  await page.getByLabel('Show').selectOption('completed');
  await page.getByRole('link', { name: 'Buy paper' }).waitFor();
  await shot('orders');
});

await step('a reload keeps you signed in; the refresh token is out of reach of scripts', async () => {
  await page.reload();
  await page.getByRole('heading', { name: 'Orders' }).waitFor();
  expect(page.url().startsWith(`${base}/orders`), `still on the orders: ${page.url()}`);
  const visible = await page.evaluate(() => document.cookie);
  expect(!visible.includes('oc_refresh'), `HttpOnly cookie not visible to scripts: ${visible}`);
});

await step('a refresh whose answer the browser lost does not end the session', async () => {
  // The browser keeps the cookie it had, as when a reload aborts a refresh after the server rotated it.
  const before = (await context.cookies()).filter((c) => c.name === 'oc_refresh');
  await page.reload();
  await page.getByRole('heading', { name: 'Orders' }).waitFor();
  expect((await context.cookies()).find((c) => c.name === 'oc_refresh')?.value !== before[0].value, 'the reload rotated it');
  await context.addCookies(before);
  await page.reload();
  await page.getByRole('heading', { name: 'Orders' }).waitFor();
  await page.getByRole('link', { name: 'Buy paper' }).waitFor();
});

await step('two tabs refreshing at once are both still signed in', async () => {
  const second = await context.newPage();
  await second.goto(`${base}/orders`);
  await second.getByRole('heading', { name: 'Orders' }).waitFor();
  // Both tabs start at the same moment and both find they must refresh: the Web Lock takes them in turn.
  await Promise.all([page.reload(), second.reload()]);
  await Promise.all([page.reload(), second.reload()]);
  for (const tab of [page, second]) {
    await tab.getByRole('heading', { name: 'Orders' }).waitFor();
    expect(tab.url().startsWith(`${base}/orders`), `a tab was sent to log in: ${tab.url()}`);
  }
  await second.close();
  // Still one working session after the rotations: the list loads.
  await page.getByRole('link', { name: 'Buy paper' }).waitFor();
});

await step('log out, and protected pages send you to log in', async () => {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL(/\/login$/);
  for (const path of ['/orders', `/orders/${ids.print}`, '/graph', '/settings/discord']) {
    await page.goto(`${base}${path}`);
    await page.waitForURL(new RegExp(`/login\\?next=${encodeURIComponent(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  }
  await page.reload();
  await page.waitForURL(/\/login\?next=/, { timeout: 5_000 });
});

await step('a link opened while logged out opens its order after logging in', async () => {
  await page.goto(`${base}/orders/${orderId}`);
  await page.waitForURL(/\/login\?next=/);
  await logIn();
  await page.waitForURL(`${base}/orders/${orderId}`);
  await page.getByRole('heading', { name: 'Ship flyers' }).waitFor();
});

await step('no page broke the content security policy; every page was checked for accessibility', async () => {
  expect(cspViolations.length === 0, cspViolations.join('; '));
  const pages = ['signup', 'check-mail', 'verify-email', 'login', 'new-order-error', 'order', 'order-409', 'order-edit-cycle', 'orders-ready', 'graph', 'discord', 'phone-order', 'phone-orders', 'phone-discord', 'orders'];
  const missed = pages.filter((p) => !checkedPages.includes(p));
  expect(missed.length === 0, `pages not checked: ${missed.join(', ')}`);
});

await context.close();
finish();
