import { expect, test, type Browser } from '@playwright/test';
import { auth, expectNoSideScroll, makePrompt, makeUser, servedVersion, SHOTS } from './helpers';
import type { Page } from '@playwright/test';

/**
 * Governed releases, independent of other specs: protect production (1 approval), a deployer
 * requests v2, a second deployer approves on the evidence page, production serves v2 and the
 * history names the request. Then the settings pages (webhooks, audit) at desktop and phone width.
 */
// Sign-in hashes the password (argon2): slow on a loaded machine, so this spec waits longer.
test.describe.configure({ timeout: 240_000 });

async function signIn(page: Page, who: { email: string; password: string } = { email: 'admin@e2e.test', password: 'e2e-admin-password' }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/prompts$/, { timeout: 60_000 });
}

async function asUser(browser: Browser, who: { email: string; password: string }, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, who);
  return { context, page };
}

test('protect production, request a deploy, a second person approves, production moves once', async ({ browser, request, page }) => {
  const name = await makePrompt(request, 'rel', { messages: ['Summarize: {{text}}', 'Summarize briefly: {{text}}'], labels: { production: 1 } });
  const requester = await makeUser(request, 'deployer', 'Rita Requester');
  const approver = await makeUser(request, 'deployer', 'Arne Approver');

  // The admin protects production from the labels panel.
  await signIn(page);
  await page.goto(`/prompts/${name}`);
  const prod = page.locator('[data-testid="label-item"][data-label="production"]');
  await prod.getByTestId('policy-button').click();
  await page.getByTestId('policy-protected').check();
  await page.getByLabel('Approvals needed').selectOption('1');
  await page.getByTestId('policy-save').click();
  await expect(prod.getByTestId('policy-summary')).toContainText('Protected · 1 approval');
  await page.screenshot({ path: `${SHOTS}/releases-labels-panel.png`, fullPage: true });

  // A direct move is refused by the API.
  const direct = await request.put(`/api/v1/prompts/${name}/labels/production`, { headers: auth, data: { version: 2 } });
  expect(direct.status()).toBe(409);
  expect((await direct.json()).error.code).toBe('approval_required');

  // The requester opens a deploy request from the Deploy dialog.
  const a = await asUser(browser, requester);
  await a.page.goto(`/prompts/${name}`);
  await a.page.getByTestId('labels-panel').getByRole('button', { name: 'Deploy' }).click();
  const dialog = a.page.getByRole('dialog');
  await dialog.getByTitle('Deploy to production').click();
  await dialog.getByLabel('Version', { exact: true }).selectOption('2');
  await dialog.getByLabel('Reason').fill('v2 reads better');
  await expect(a.page.getByTestId('deploy-submit')).toHaveText('Request deploy of v2 to production');
  await a.page.getByTestId('deploy-submit').click();
  await expect(a.page).toHaveURL(/\/releases\/[0-9a-f-]{36}$/);
  const id = a.page.url().split('/').pop()!;
  await expect(a.page.getByTestId('request-status')).toHaveText('open');
  await expect(a.page.getByTestId('approve')).toBeDisabled();
  await expect(a.page.getByText('You opened this request')).toBeVisible();
  await expect(a.page.getByTestId('diff-section').first()).toBeVisible();
  await a.page.screenshot({ path: `${SHOTS}/releases-evidence-requester.png`, fullPage: true });
  await a.context.close();
  expect(await servedVersion(request, name)).toBe(1);

  // The approver sees the open count in the nav, finds the request and approves it.
  const b = await asUser(browser, approver);
  await b.page.goto('/releases');
  await expect(b.page.getByTestId('open-requests-count')).toBeVisible();
  await b.page.locator(`[data-testid="request-row"][data-id="${id}"]`).click();
  await expect(b.page).toHaveURL(new RegExp(`/releases/${id}$`));
  await b.page.getByLabel('Comment').fill('Looks good to me');
  await b.page.getByTestId('approve').click();
  await expect(b.page.getByTestId('request-status')).toHaveText('deployed');
  await expect(b.page.getByTestId('approvals')).toContainText('Looks good to me');
  await expect(b.page.getByTestId('approvals')).toContainText('Arne Approver');
  await b.page.screenshot({ path: `${SHOTS}/releases-evidence-deployed.png`, fullPage: true });
  expect(await servedVersion(request, name)).toBe(2);

  // The history names the request, once.
  const hist = await (await request.get(`/api/v1/prompts/${name}/labels/production/history`, { headers: auth })).json();
  expect(hist.items.filter((e: { deployRequestId?: string }) => e.deployRequestId === id)).toHaveLength(1);
  await b.page.goto(`/prompts/${name}`);
  await expect(b.page.getByText(`Deploy request ${id}: v2 reads better`)).toBeVisible();
  await b.context.close();
});

test('webhooks, audit and deploy requests pages at desktop and phone width', async ({ browser, request }) => {
  const hook = await request.post('/api/v1/webhooks', { headers: auth, data: { url: 'https://hooks.example.com/promptdeck', events: ['label.moved', 'deploy_request.decided'] } });
  // hooks.example.com may not resolve offline: then the refusal is a 400 naming the URL, never a 500.
  expect([201, 400]).toContain(hook.status());
  const name = await makePrompt(request, 'relui', { messages: ['Summarize: {{text}}', 'Summarize in one line: {{text}}'], labels: { production: 1 } });
  const opened = await request.post(`/api/v1/prompts/${name}/deploy-requests`, { headers: auth, data: { label: 'production', version: 2, reason: 'shorter answers' } });
  expect(opened.status()).toBe(201);
  const { id } = (await opened.json()) as { id: string };
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    const { context, page } = await asUser(browser, { email: 'admin@e2e.test', password: 'e2e-admin-password' }, viewport);
    const tag = viewport.width < 500 ? 'phone' : 'desktop';
    await page.goto('/settings/webhooks');
    await expect(page.getByRole('heading', { name: 'Webhooks', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Add webhook' }).click({ timeout: 60_000 });
    await expect(page.getByTestId('event-label.moved')).toBeChecked();
    await page.getByLabel('Endpoint URL').fill('http://127.0.0.1:9/hook');
    await page.getByTestId('webhook-create').click();
    await expect(page.getByText(/must use https/)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/webhooks-create-${tag}.png`, fullPage: true });
    await page.keyboard.press('Escape');
    await expectNoSideScroll(page);
    await page.goto('/settings/audit?action=label_policy.*');
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await expect(page.getByTestId('audit-csv')).toHaveAttribute('href', /format=csv&action=label_policy/);
    await page.screenshot({ path: `${SHOTS}/audit-${tag}.png`, fullPage: true });
    await expectNoSideScroll(page);
    await page.goto('/releases?status=all');
    await expect(page.getByRole('heading', { name: 'Deploy requests' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/releases-list-${tag}.png`, fullPage: true });
    await expectNoSideScroll(page);
    await page.locator(`[data-testid="request-row"][data-id="${id}"]`).click();
    await expect(page.getByTestId('gate-card')).toBeVisible();
    await expect(page.getByTestId('approve')).toBeEnabled();
    await page.screenshot({ path: `${SHOTS}/releases-evidence-${tag}.png`, fullPage: true });
    await expectNoSideScroll(page);
    await context.close();
  }
});
