// The Discord suite: several webhooks on one workspace in Debian's Chromium against a running local cloud. A person
// connects a channel for completions only and adds a second for starts and failures, words the second's messages with
// a template while its live preview follows (and names a mistyped placeholder where it is), tests both, and moves
// orders; the local Discord sink then holds only each webhook's kinds, the second's in its own words. Every page is
// checked with axe-core and saved as a screenshot. Run by BrowserSuiteTest as
//   node web/e2e/webhooks.mjs BASE_URL MAIL_DIR DISCORD_DIR SCREENSHOT_DIR
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';
import { expect, harness, mailTo } from './harness.mjs';

const [base, mailDir, discordDir, shots] = process.argv.slice(2);
if (!base || !mailDir || !discordDir || !shots) {
  console.error('usage: node webhooks.mjs BASE_URL MAIL_DIR DISCORD_DIR SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const password = 'violet kettle orbit mango';
const run = Date.now().toString(36);
const me = { name: `hooks${run}`, email: `hooks${run}@example.org` };
// Discord's webhook ids (snowflakes) of this run: the sink names each message's file by the webhook it was posted to.
const stamp = String(Date.now()).slice(-10);
const hooks = {
  completions: { id: `5566771${stamp}`, name: 'Completions' },
  progress: { id: `5566772${stamp}`, name: 'Starts and failures' },
};
const urlOf = (hook) => `https://discord.com/api/webhooks/${hook.id}/hooksSuite_${run}_abcdefghijklmnopqrstuvwxyz0123456789`;

const { context, page } = await launch({ width: 1100, height: 800 });
page.setDefaultTimeout(10_000);
const cspViolations = [];
page.on('console', (message) => {
  if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
});
const { step, shot, eventually, fitsPhone, checkedPages, finish } = harness(page, shots);
let token = '';

/** The API as this person, for the orders the webhooks announce (the order pages are the other suites'). */
async function call(method, path, body) {
  const answer = await fetch(`${base}${path}`, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body),
  });
  const text = await answer.text();
  expect(answer.ok, `${method} ${path}: ${answer.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The embeds the sink holds for one webhook, oldest first. */
function embedsOf(hook) {
  if (!existsSync(discordDir)) return [];
  return readdirSync(discordDir).filter((f) => f.endsWith(`-${hook.id}.json`)).sort()
    .flatMap((f) => JSON.parse(readFileSync(join(discordDir, f), 'utf8')).embeds ?? []);
}

/** Ticks exactly the filter's checkboxes whose labels match {@code wanted}. */
async function chooseEvents(wanted) {
  const boxes = page.getByRole('group', { name: 'Announce when' }).getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    const label = await page.locator(`label[for="${await box.getAttribute('id')}"]`).innerText();
    await box.setChecked(wanted.test(label));
  }
}

await step('sign in with a confirmed account', async () => {
  const registered = await fetch(`${base}/api/auth/register`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: me.email, username: me.name, password }),
  });
  expect(registered.status === 201, `register: ${registered.status} ${await registered.text()}`);
  const verification = mailTo(mailDir, me.email)?.match(/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1];
  expect(verification, `a verification mail to ${me.email}`);
  const verified = await fetch(`${base}/api/auth/verify-email`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: verification }),
  });
  expect(verified.status === 200, `verify: ${verified.status}`);
  token = (await (await fetch(`${base}/api/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: me.name, password }),
  })).json()).access_token;
  await page.goto(`${base}/settings/discord`);
  await page.getByLabel('Username or email').fill(me.name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Connect a channel' }).waitFor();
});

await step('connect a channel for completions only, then add a second for starts and failures', async () => {
  await page.getByLabel('Webhook URL').fill(urlOf(hooks.completions));
  await page.getByLabel('Name (optional').fill(hooks.completions.name);
  await chooseEvents(/completed/);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByText(`Added “${hooks.completions.name}”.`).waitFor();
  await page.getByRole('heading', { name: 'Add a webhook' }).waitFor();
  await page.getByLabel('Webhook URL').fill(urlOf(hooks.progress));
  await page.getByLabel('Name (optional').fill(hooks.progress.name);
  await chooseEvents(/started|fails/);
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await page.getByText(`Added “${hooks.progress.name}”.`).waitFor();
  const cards = page.getByRole('article');
  expect(await cards.count() === 2, `two webhooks listed: ${await cards.count()}`);
  await page.getByRole('article', { name: hooks.completions.name }).getByText('Announces completed.').waitFor();
  await page.getByRole('article', { name: hooks.progress.name }).getByText('Announces started, failed.').waitFor();
  expect(!(await page.content()).includes(`hooksSuite_${run}`), 'the webhook tokens are never shown');
  await page.getByRole('article', { name: hooks.completions.name }).getByRole('button', { name: 'Send a test message' }).click();
  await page.getByRole('article', { name: hooks.completions.name }).getByText('Discord accepted the test message').waitFor();
  await shot('discord-webhooks');
});

await step('the template editor: the preview follows the typing as Discord would show it, and a mistyped placeholder is named where it is', async () => {
  await page.getByRole('article', { name: hooks.progress.name }).getByRole('link', { name: 'Settings and template' }).click();
  await page.getByRole('heading', { name: hooks.progress.name, level: 1 }).waitFor();
  const preview = page.getByRole('group', { name: 'The message as Discord shows it' });
  await preview.locator('.discord-embed-title', { hasText: 'Order started: Sample order' }).waitFor();
  await page.getByLabel('Title').fill('{event}: {order.titel}');
  await page.locator('#template-title-error').getByText(/unknown placeholder \{order\.titel\} at line 1, column 10/).waitFor();
  expect(await page.getByRole('button', { name: 'Save template' }).isDisabled(), 'a template that does not read cannot be saved');
  await page.getByLabel('Title').fill('{event}: {order.title}');
  await page.getByLabel('Description').fill('**{order.old_status} → {order.status}** by {actor}');
  await page.getByLabel('Footer').fill('{workspace}');
  await preview.locator('.discord-embed-title', { hasText: 'started: Sample order' }).waitFor();
  await preview.locator('.discord-embed-description strong', { hasText: `pending → active` }).waitFor();
  await preview.getByText(`by ${me.name}`).waitFor();
  await preview.getByRole('link', { name: 'Open order' }).waitFor();
  await page.getByLabel('For a change of the kind').selectOption('failed');
  await preview.locator('.discord-embed-title', { hasText: 'failed: Sample order' }).waitFor();
  const bar = await preview.locator('.discord-embed').evaluate((e) => getComputedStyle(e).borderLeftColor);
  expect(bar !== 'rgb(78, 80, 88)', `a failure's colour bar: ${bar}`);
  await page.getByRole('button', { name: 'Save template' }).click();
  await page.getByText('Template saved.').waitFor();
  await page.getByRole('button', { name: 'Send a test message' }).click();
  await page.getByText('Discord accepted the test message').waitFor();
  await shot('discord-template');
});

await step('orders move: each webhook receives only its kinds, the second in its own words', async () => {
  const menus = await call('POST', '/api/orders', { title: 'Laminate the menus' });
  const ink = await call('POST', '/api/orders', { title: 'Order ink *now*' });
  let moved = await call('PUT', `/api/orders/${menus.id}`, { status: 'active', version: menus.version });
  await call('PUT', `/api/orders/${menus.id}`, { status: 'completed', version: moved.version });
  moved = await call('PUT', `/api/orders/${ink.id}`, { status: 'active', version: ink.version });
  await call('PUT', `/api/orders/${ink.id}`, { status: 'failed', version: moved.version });
  const titles = (hook) => embedsOf(hook).map((e) => e.title ?? '');
  await eventually('the completion reached the first webhook and all three moves the second', () =>
    titles(hooks.completions).some((t) => t.includes('Laminate the menus'))
    && ['started: Laminate the menus', 'started: Order ink \\*now\\*', 'failed: Order ink \\*now\\*'].every((t) => titles(hooks.progress).includes(t)));
  // A moment more for anything that should not come.
  await page.waitForTimeout(1500);
  const first = titles(hooks.completions).filter((t) => t !== 'OrderChainer is connected');
  expect(first.length > 0 && first.every((t) => /Order completed/.test(t)), `the first webhook got only completions: ${JSON.stringify(first)}`);
  const second = titles(hooks.progress).filter((t) => t !== 'OrderChainer is connected');
  expect(second.every((t) => /^(started|failed): |× Order (started|failed)/.test(t)), `the second only starts and failures: ${JSON.stringify(second)}`);
  const footers = embedsOf(hooks.progress).filter((e) => e.title?.startsWith('started')).map((e) => e.footer?.text);
  expect(footers.every((f) => f === 'Personal'), `the footer is the workspace's name: ${JSON.stringify(footers)}`);
});

await step('on a phone-sized screen the Discord pages fit without sideways scrolling', async () => {
  const personal = (await call('GET', '/api/workspaces')).items.find((w) => w.personal);
  const progress = (await call('GET', `/api/workspaces/${personal.id}/discord/webhooks`)).items.find((w) => w.name === hooks.progress.name);
  await fitsPhone(base, [['/settings/discord', 'phone-discord-webhooks'], [`/settings/discord/${progress.id}`, 'phone-discord-template']]);
});

await step('no page broke the content security policy; every page was checked for accessibility', async () => {
  expect(cspViolations.length === 0, cspViolations.join('; '));
  const missed = ['discord-webhooks', 'discord-template', 'phone-discord-webhooks', 'phone-discord-template'].filter((p) => !checkedPages.includes(p));
  expect(missed.length === 0, `pages not checked: ${missed.join(', ')}`);
});

await context.close();
finish();
