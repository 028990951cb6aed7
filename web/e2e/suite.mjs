// The browser suite: a person's path through the web app in Debian's Chromium, driven by playwright-core,
// against a running local cloud. Run by BrowserSuiteTest (infra/local-cloud) as
//   node web/e2e/suite.mjs BASE_URL MAIL_DIR SCREENSHOT_DIR
// Prints one line per step and a closing "browser: N passed, N failed"; exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, mailDir, shots] = process.argv.slice(2);
if (!base || !mailDir || !shots) {
  console.error('usage: node suite.mjs BASE_URL MAIL_DIR SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'oc-chromium-')), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  viewport: { width: 1000, height: 760 },
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(10_000);
const cspViolations = [];
page.on('console', (message) => {
  if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
});

let passed = 0;
let failed = 0;
async function step(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error.message.split('\n')[0]}`);
    await page.screenshot({ path: join(shots, `failed-${passed + failed}.png`) }).catch(() => {});
  }
}
const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const name = `web${Date.now().toString(36)}`;
const email = `${name}@example.org`;
const password = 'violet kettle orbit mango';
let orderId = '';

async function logIn() {
  await page.getByLabel('Username or email').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

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
  const mail = readdirSync(mailDir).map((f) => readFileSync(join(mailDir, f), 'utf8')).find((m) => m.includes(`To: ${email}`));
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
});

await step('a blank title is refused beside the field', async () => {
  await page.getByRole('link', { name: 'New order' }).click();
  await page.getByLabel('Title').fill('\u200b ');
  await page.getByRole('button', { name: 'Create order' }).click();
  await page.getByText("Field 'title' must not be blank").waitFor();
  await shot('new-order-error');
});

await step('create an order and move it through its statuses', async () => {
  await page.getByLabel('Title').fill('Buy paper');
  await page.getByLabel('Description').fill('80 g/m², 10 reams');
  await page.getByRole('button', { name: 'Create order' }).click();
  await page.waitForURL(/\/orders\/[0-9A-Z]{26}$/);
  orderId = page.url().split('/').pop();
  await page.getByRole('heading', { name: 'Buy paper' }).waitFor();
  await shot('order');
  await page.getByRole('button', { name: 'Mark active' }).click();
  await page.getByRole('button', { name: 'Mark completed' }).click();
  await page.locator('.badge.completed').waitFor();
  expect((await page.getByRole('button', { name: /^Mark / }).count()) === 0, 'completed is final: no moves offered');
});

await step('the list shows it under its status', async () => {
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

await step('two tabs refreshing at once are both still signed in', async () => {
  const second = await context.newPage();
  await second.goto(`${base}/orders`);
  await second.getByRole('heading', { name: 'Orders' }).waitFor();
  // Both tabs start at the same moment and both find they must refresh. (A reload that aborts a refresh in
  // flight can still lose the rotated cookie: a known gap, see the closing note of issue #11's first part.)
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
  await page.goto(`${base}/orders`);
  await page.waitForURL(/\/login\?next=%2Forders/);
  await page.reload();
  await page.waitForURL(/\/login\?next=/, { timeout: 5_000 });
});

await step('the exact URL a Discord embed carries opens the order after logging in', async () => {
  await page.goto(`${base}/orders/${orderId}`);
  await page.waitForURL(/\/login\?next=/);
  await logIn();
  await page.waitForURL(`${base}/orders/${orderId}`);
  await page.getByRole('heading', { name: 'Buy paper' }).waitFor();
});

await step('no page broke the content security policy', async () => {
  expect(cspViolations.length === 0, cspViolations.join('; '));
});

await context.close();
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
