// The team suite: workspaces in Debian's Chromium against a running local cloud, three people in three browsers.
// Ada makes a workspace and invites Grace (member) and Vic (viewer); each accepts in a browser of their own,
// signed out first; the orders are assigned and filtered; the viewer's controls are off with the reason; Grace
// is removed while her tab is open and her next action is refused and explained. Every page is checked with
// axe-core and saved as a screenshot. Run by BrowserSuiteTest as
//   node web/e2e/workspaces.mjs BASE_URL MAIL_DIR DISCORD_DIR SCREENSHOT_DIR
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';
import { expect, harness, mailTo } from './harness.mjs';

const [base, mailDir, discordDir, shots] = process.argv.slice(2);
if (!base || !mailDir || !discordDir || !shots) {
  console.error('usage: node workspaces.mjs BASE_URL MAIL_DIR DISCORD_DIR SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const password = 'violet kettle orbit mango';
const run = Date.now().toString(36);
const person = (name) => ({ name: `${name}${run}`, email: `${name}${run}@example.org` });
const ada = person('ada');
const grace = person('grace');
const vic = person('vic');

const browsers = [];
async function browser() {
  const opened = await launch({ width: 1000, height: 760 });
  opened.page.setDefaultTimeout(10_000);
  browsers.push(opened.context);
  return opened.page;
}
const adaTab = await browser();
const { step, shot, eventually, fitsPhone, checkedPages, finish } = harness(adaTab, shots);

/** An account made over the API and confirmed with the mail's token: the sign-up pages are the other suite's. */
async function register(who) {
  const registered = await fetch(`${base}/api/auth/register`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, username: who.name, password }),
  });
  expect(registered.status === 201, `register ${who.name}: ${registered.status} ${await registered.text()}`);
  const token = mailTo(mailDir, who.email)?.match(/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1];
  expect(token, `a verification mail to ${who.email}`);
  const verified = await fetch(`${base}/api/auth/verify-email`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }),
  });
  expect(verified.status === 200, `verify ${who.name}: ${verified.status}`);
}

async function logIn(tab, who) {
  await tab.getByLabel('Username or email').fill(who.name);
  await tab.getByLabel('Password', { exact: true }).fill(password);
  await tab.getByRole('button', { name: 'Log in' }).click();
}

/** The link of the newest invitation mailed to {@code who}. */
function invitationLink(who) {
  const link = mailTo(mailDir, who.email)?.match(/https?:\/\/\S+\/invitations\/accept\?token=[A-Za-z0-9_.-]+/)?.[0];
  expect(link, `an invitation mail to ${who.email}`);
  expect(link.startsWith(base), `the link points at this origin: ${link}`);
  return link;
}

/** Opens the invitation signed out, logs in from the page it shows, and accepts. */
async function accept(tab, who, role, screenshot) {
  await tab.goto(invitationLink(who));
  await tab.getByRole('heading', { name: 'Join a workspace' }).waitFor();
  await tab.getByText('Log in with the invited address').waitFor();
  if (screenshot) await shot('invitation-signed-out', tab);
  await tab.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await logIn(tab, who);
  await tab.waitForURL(/\/invitations\/accept\?token=/);
  if (screenshot) await shot('invitation-accept', tab);
  await tab.getByRole('button', { name: 'Accept the invitation' }).click();
  await tab.getByText(`You joined as ${role}.`).waitFor();
  await tab.getByRole('heading', { name: 'Print shop' }).waitFor();
}

const ids = {};

await step('three people have accounts', async () => {
  for (const who of [ada, grace, vic]) await register(who);
});

await step('Ada makes a workspace from the header and lands on its page as owner', async () => {
  await adaTab.goto(`${base}/login`);
  await logIn(adaTab, ada);
  await adaTab.waitForURL(`${base}/orders`);
  const switcher = adaTab.getByLabel('Workspace', { exact: true });
  await switcher.waitFor();
  expect((await switcher.locator('option').allTextContents()).length === 1, 'only the personal workspace is listed');
  await adaTab.getByRole('navigation').getByRole('link', { name: 'Team' }).click();
  await adaTab.goto(`${base}/workspaces`);
  await adaTab.getByLabel('Name').fill('Print shop');
  await adaTab.getByRole('button', { name: 'Create workspace' }).click();
  await adaTab.getByRole('heading', { name: 'Print shop' }).waitFor();
  await adaTab.getByText('Your role: owner.').waitFor();
  expect(await switcher.inputValue() === adaTab.url().split('/').pop(), 'the new workspace is the current one');
  ids.workspace = adaTab.url().split('/').pop();
});

await step('Ada invites Grace as a member and Vic as a viewer; both are pending', async () => {
  for (const [who, role] of [[grace, 'member'], [vic, 'viewer']]) {
    await adaTab.getByLabel('Email address').fill(who.email);
    await adaTab.getByLabel('Role', { exact: true }).selectOption(role);
    await adaTab.getByRole('button', { name: 'Send invitation' }).click();
    await adaTab.getByText(`Invitation sent to ${who.email}`).waitFor();
  }
  const pending = adaTab.getByRole('list', { name: 'Pending invitations' });
  await pending.getByText(grace.email).waitFor();
  await pending.getByText(vic.email).waitFor();
});

await step('Grace accepts in a browser of her own: log in first, then accept', async () => {
  ids.graceTab = await browser();
  await accept(ids.graceTab, grace, 'member', true);
  await shot('invitation-accepted', ids.graceTab);
});

await step('Vic accepts as a viewer in a third browser', async () => {
  ids.vicTab = await browser();
  await accept(ids.vicTab, vic, 'viewer', false);
});

await step('the workspace page lists the members with their roles, and the activity says who joined', async () => {
  await adaTab.reload();
  await adaTab.getByRole('heading', { name: 'Print shop' }).waitFor();
  await adaTab.getByRole('list', { name: 'Members' }).getByText(grace.name).waitFor();
  expect(await adaTab.getByLabel(`Role of ${vic.name}`).inputValue() === 'viewer', 'Vic is a viewer');
  await eventually('the joins are in the activity', async () => {
    await adaTab.reload();
    await adaTab.getByRole('heading', { name: 'Print shop' }).waitFor();
    await adaTab.locator('ul.activity[aria-busy="false"]').waitFor();
    return (await adaTab.getByRole('list', { name: 'Activity' }).getByText(grace.name).count()) > 0;
  });
  await shot('workspace');
});

await step('Ada creates an order in the workspace and assigns it to Grace; the page says who did what', async () => {
  await adaTab.goto(`${base}/orders/new`);
  await adaTab.getByLabel('Title').fill('Design the flyer');
  await adaTab.getByRole('button', { name: 'Create order' }).click();
  await adaTab.waitForURL(/\/orders\/[0-9A-Z]{26}$/);
  ids.order = adaTab.url().split('/').pop();
  await adaTab.getByLabel('Assigned to').selectOption({ label: grace.name });
  await eventually('the order names its creator and the assignment shows', async () =>
    (await adaTab.getByText(`by ${ada.name}`).count()) > 0 && await adaTab.getByLabel('Assigned to').inputValue() !== '');
  await eventually('the order\'s activity lists its creation', async () => {
    await adaTab.reload();
    await adaTab.locator('ul.activity[aria-busy="false"]').waitFor();
    return (await adaTab.getByRole('list', { name: 'Activity' }).locator('li').count()) >= 2;
  });
  await shot('team-order');
});

await step('the team\'s Discord embed says who moved it and to whom it is assigned, and its link opens the team\'s order', async () => {
  await adaTab.goto(`${base}/settings/discord`);
  await adaTab.getByLabel('Webhook URL').fill(`https://discord.com/api/webhooks/2233445566778899${run.length}/teamSuite_${run}_abcdefghijklmnopqrstuvwxyz0123`);
  await adaTab.getByRole('button', { name: 'Connect' }).click();
  await adaTab.getByText('Notifications are on.').waitFor();
  await adaTab.goto(`${base}/orders/${ids.order}`);
  await adaTab.getByRole('button', { name: 'Mark active' }).click();
  await adaTab.locator('.toolbar .badge.active').waitFor();
  const embed = await eventually('an embed of the team\'s order reached the Discord sink', () => {
    const messages = existsSync(discordDir) ? readdirSync(discordDir).map((f) => JSON.parse(readFileSync(join(discordDir, f), 'utf8'))) : [];
    return messages.flatMap((m) => m.embeds ?? []).find((e) => e.url?.includes(`/orders/${ids.order}`) && e.title?.includes('Design the flyer')
      && e.fields?.some((f) => f.value?.includes('active')));
  });
  expect(embed.url === `${base}/orders/${ids.order}?workspace=${ids.workspace}`, `the link names the workspace: ${embed.url}`);
  const footer = embed.footer?.text ?? '';
  expect(footer.includes(`by ${ada.name}`) && footer.includes(`assigned to ${grace.name}`), `the footer names both: ${footer}`);
  expect(!JSON.stringify(embed).includes('<@'), 'nobody is pinged');
  const switcher = adaTab.getByLabel('Workspace', { exact: true });
  await switcher.selectOption({ index: 0 });
  await adaTab.waitForURL(`${base}/orders`);
  await adaTab.goto(embed.url);
  await adaTab.getByRole('heading', { name: 'Design the flyer' }).waitFor();
  expect(await adaTab.getByLabel('Workspace', { exact: true }).inputValue() === ids.workspace, 'the link switched to the team workspace');
});

await step('Grace filters the orders by "assigned to me" and sees hers', async () => {
  const tab = ids.graceTab;
  await tab.goto(`${base}/orders`);
  await tab.getByLabel('Assigned to').selectOption('me');
  await tab.waitForURL(/assignee=me/);
  await tab.getByRole('link', { name: 'Design the flyer' }).waitFor();
  await shot('orders-assigned', tab);
  await tab.getByLabel('Assigned to').selectOption({ label: vic.name });
  await tab.waitForURL(/assignee=(?!me)/);
  await tab.getByText('No orders here yet.').waitFor().catch(async (e) => {
    throw new Error(`${e.message.split('\n')[0]}; the page shows: ${(await tab.locator('main').innerText()).replace(/\s+/g, ' ')}`);
  });
});

await step('a viewer sees the order but its controls are off, with the reason', async () => {
  const tab = ids.vicTab;
  await tab.goto(`${base}/orders/${ids.order}`);
  await tab.getByRole('heading', { name: 'Design the flyer' }).waitFor();
  expect(await tab.getByRole('button', { name: 'Mark completed' }).isDisabled(), 'no moves for a viewer');
  expect(await tab.getByRole('button', { name: 'Edit' }).isDisabled(), 'no edit for a viewer');
  await tab.getByText('Your role here is viewer; this takes member or above.').waitFor();
  await shot('viewer-order', tab);
  await tab.goto(`${base}/orders`);
  expect(await tab.getByRole('button', { name: 'New order' }).isDisabled(), 'no new order for a viewer');
  await tab.goto(`${base}/settings/discord`);
  await tab.getByText('Notifications are on.').waitFor();
  await tab.getByText('Your role here is viewer; this takes admin or above.').waitFor();
  expect(await tab.getByRole('button', { name: /Save|Connect|Send a test/ }).count() === 0, 'no Discord controls for a viewer');
  expect(!(await tab.content()).includes(`teamSuite_${run}`), 'the webhook token is masked');
  await shot('viewer-discord', tab);
  // The server decides all the same: the viewer's own request is refused.
  const token = await (await fetch(`${base}/api/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: vic.name, password }),
  })).json();
  const refused = await fetch(`${base}/api/workspaces/${ids.workspace}/orders`, {
    method: 'POST', headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Sneaked in' }),
  });
  expect(refused.status === 403, `a viewer's create is 403: ${refused.status}`);
});

await step('Grace is removed while her tab is open: her next action is refused and explained', async () => {
  const tab = ids.graceTab;
  await tab.goto(`${base}/orders/${ids.order}`);
  await tab.getByRole('button', { name: 'Mark completed' }).waitFor();
  await adaTab.goto(`${base}/workspaces/${ids.workspace}`);
  await adaTab.getByRole('button', { name: `Remove ${grace.name}` }).click();
  await adaTab.getByRole('list', { name: 'Members' }).getByText(grace.name).waitFor({ state: 'detached' });
  await tab.getByRole('button', { name: 'Mark completed' }).click();
  await tab.getByRole('alert').getByText('You are no longer a member of this workspace').first().waitFor();
  await tab.waitForURL(`${base}/orders`);
  await tab.getByRole('alert').getByText('You are no longer a member of this workspace').waitFor();
  expect(!(await tab.getByLabel('Workspace', { exact: true }).locator('option').allTextContents()).includes('Print shop'),
    'the header no longer offers the workspace');
  await shot('removed-member', tab);
});

await step('the chosen workspace is remembered after a reload', async () => {
  await adaTab.goto(`${base}/orders`);
  await adaTab.reload();
  await adaTab.getByRole('link', { name: 'Design the flyer' }).waitFor();
  expect(await adaTab.getByLabel('Workspace', { exact: true }).inputValue() === ids.workspace, 'still the team workspace');
});

await step('on a phone-sized screen the team pages fit without sideways scrolling', async () => {
  await fitsPhone(base, [[`/workspaces/${ids.workspace}`, 'phone-workspace'], [`/orders/${ids.order}`, 'phone-team-order'],
    ['/workspaces', 'phone-workspaces']]);
});

await step('every new page was checked for accessibility', async () => {
  const pages = ['invitation-signed-out', 'invitation-accept', 'invitation-accepted', 'workspace', 'team-order', 'orders-assigned',
    'viewer-order', 'viewer-discord', 'removed-member', 'phone-workspace', 'phone-team-order', 'phone-workspaces'];
  const missed = pages.filter((p) => !checkedPages.includes(p));
  expect(missed.length === 0, `pages not checked: ${missed.join(', ')}`);
});

for (const context of browsers) await context.close();
finish();
