import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { auth, expectNoSideScroll, makePrompt, SHOTS } from './helpers';

/** Sign in, allowing a slow first sign-in (password hashing on a loaded machine). */
async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/prompts$/, { timeout: 45_000 });
}

/**
 * Canary -> guard rollback, end to end: a canary started from the labels panel, traffic through
 * the gateway with sticky keys (the canary's model is one the AWS stand-in rejects), the guard
 * (a pg-boss job every 2 s here) ends it by itself, and the history and the metrics show it.
 */
test('start a canary from the UI, sticky traffic via the API, the guard rolls back a failing canary', async ({ page, request }) => {
  test.setTimeout(120_000);
  const name = await makePrompt(request, 'e2e-canary', { messages: ['Summarize: {{text}}'], labels: { production: 1 } });
  // v2 runs on a model the stand-in refuses (ValidationException -> 502, logged as an error).
  const v2 = await request.post(`/api/v1/prompts/${name}/versions`, {
    headers: auth,
    data: { template: { messages: [{ role: 'user', content: 'Summarize, differently: {{text}}' }] }, modelId: 'acme.super-model-v1:0', commitMessage: 'v2 on a broken model' },
  });
  expect(v2.status()).toBe(201);

  await signIn(page);
  await page.goto(`/prompts/${name}`);
  const row = page.locator('[data-testid="label-item"][data-label="production"]');
  await row.getByTestId('canary-start-button').click();
  await page.getByTestId('canary-version').selectOption('2');
  await page.getByTestId('canary-weight').fill('50');
  await page.getByTestId('canary-min-calls').fill('8');
  await page.screenshot({ path: `${SHOTS}/canary-start-dialog.png` });
  await page.getByTestId('canary-submit').click();
  const panel = row.getByTestId('canary-panel');
  await expect(panel).toBeVisible();
  await expect(row.getByTestId('canary-chip')).toHaveText('+ v2 @ 50%');
  await expect(panel.getByTestId('guard-state')).toHaveAttribute('data-state', 'waiting');
  expect(((await (await request.get(`/api/v1/prompts/${name}/labels/production/history`, { headers: auth })).json()) as { items: { action: string }[] }).items[0]?.action).toBe('canary_start');

  // Sticky serving: each key always gets the same side, and the answer says which.
  const side = new Map<string, boolean>();
  for (let i = 0; i < 40; i++) {
    const key = `user-${i}`;
    const a = await request.get(`/api/v1/prompts/${name}?stickyKey=${key}`, { headers: auth });
    const body = (await a.json()) as { version: number; canary: boolean };
    expect(body.version).toBe(body.canary ? 2 : 1);
    expect(a.headers()['x-promptdeck-canary']).toBe(String(body.canary));
    const again = (await (await request.get(`/api/v1/prompts/${name}?stickyKey=${key}`, { headers: auth })).json()) as { canary: boolean };
    expect(again.canary).toBe(body.canary);
    side.set(key, body.canary);
  }
  expect([...side.values()].filter(Boolean).length).toBeGreaterThan(8);
  expect([...side.values()].filter((c) => !c).length).toBeGreaterThan(8);

  // The gateway gives the same key the same side (metadata.userRef): the canary's calls fail.
  // Once both sides have minCalls (8) the guard may end the canary before this loop is done: from
  // then on a canary-side key is served v1, and never the canary again.
  let canaryFailures = 0;
  let ended = false;
  for (const [key, canary] of side) {
    const r = await request.post(`/api/v1/prompts/${name}/invoke`, { headers: auth, data: { variables: { text: 'A loud blender.' }, metadata: { userRef: key } } });
    if (canary && !ended && r.status() === 502) {
      canaryFailures++;
      continue;
    }
    expect(r.status()).toBe(200);
    expect(((await r.json()) as { canary: boolean; version: number })).toMatchObject({ canary: false, version: 1 });
    if (canary) ended = true;
  }
  expect(canaryFailures).toBeGreaterThanOrEqual(8);

  // The guard (every 2 s) ends the canary by itself; the panel notices and the page reloads.
  await expect(row.getByTestId('canary-panel')).toHaveCount(0, { timeout: 30_000 });
  await page.reload();
  const rollback = page.locator('[data-testid="history-event"][data-action="guard_rollback"]');
  await expect(rollback).toHaveCount(1);
  await expect(rollback).toContainText('Canary guard');
  await expect(rollback).toContainText(/error rate 100\.0% vs 0\.0%/);
  await page.screenshot({ path: `${SHOTS}/canary-guard-rollback.png`, fullPage: true });
  // Everyone is served v1 again.
  expect(((await (await request.get(`/api/v1/prompts/${name}?stickyKey=user-1`, { headers: auth })).json()) as { version: number }).version).toBe(1);

  // A marker on the metrics charts, and a row in the deploy list.
  await page.goto('/metrics');
  const invocations = page.locator('[data-testid="metrics-chart"][data-metric="Invocations"]');
  await expect(invocations).toBeVisible({ timeout: 30_000 }); // CloudWatch figures first: slow on a busy machine
  await expect(invocations.locator(`[data-testid="deploy-marker"][data-prompts~="${name}"]`)).not.toHaveCount(0);
  await expect(page.locator('[data-testid="deploy-row"][data-action="guard_rollback"]').filter({ hasText: name })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/canary-metrics.png`, fullPage: true });
});

test('the canary panel at 390 px: no sideways scroll, promote with a confirmation', async ({ page, request }) => {
  const name = await makePrompt(request, 'e2e-canary-m', { messages: ['Summarize: {{text}}', 'Summarize briefly: {{text}}'], labels: { production: 1 } });
  expect((await request.put(`/api/v1/prompts/${name}/labels/production/canary`, { headers: auth, data: { version: 2, weight: 20 } })).status()).toBe(200);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await page.goto(`/prompts/${name}`);
  const panel = page.getByTestId('canary-panel');
  await expect(panel.getByTestId('canary-figures')).toBeVisible();
  await expectNoSideScroll(page);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/canary-panel-390.png`, fullPage: true });
  await panel.getByTestId('canary-promote').click();
  await page.getByTestId('canary-promote-confirm').click();
  await expect(page.getByTestId('canary-panel')).toHaveCount(0);
  await expect(page.locator('[data-testid="label-item"][data-label="production"]')).toHaveAttribute('data-version', '2');
  await expect(page.locator('[data-testid="history-event"][data-action="canary_promote"]')).toHaveCount(1);
});

test('a canary on a protected label: no Promote, "Request deploy of v2" opens a deploy request; once approved the label moves and the canary ends', async ({ page, request }) => {
  test.setTimeout(120_000);
  const name = await makePrompt(request, 'e2e-canary-p', { messages: ['Summarize: {{text}}', 'Summarize briefly: {{text}}'], labels: { production: 1 } });
  expect((await request.put(`/api/v1/prompts/${name}/labels/production/policy`, { headers: auth, data: { protected: true, approvals: 1 } })).status()).toBe(200);
  expect((await request.put(`/api/v1/prompts/${name}/labels/production/canary`, { headers: auth, data: { version: 2, weight: 20 } })).status()).toBe(200);
  // The API refuses the promotion and says what to do instead.
  const refused = await request.post(`/api/v1/prompts/${name}/labels/production/canary/promote`, { headers: auth, data: {} });
  expect(refused.status()).toBe(409);
  const err = ((await refused.json()) as { error: { code: string; message: string } }).error;
  expect(err.code).toBe('approval_required');
  expect(err.message).toMatch(/deploy request for version 2/);

  await signIn(page);
  await page.goto(`/prompts/${name}`);
  const panel = page.getByTestId('canary-panel');
  await expect(panel.getByTestId('canary-protected-hint')).toContainText('production is protected');
  await expect(panel.getByTestId('canary-promote')).toHaveCount(0);
  await expect(panel.getByTestId('canary-stop')).toBeVisible();
  await expect(panel.getByTestId('canary-request-deploy')).toHaveText('Request deploy of v2');
  await expect(panel.getByTestId('canary-request-deploy')).toBeEnabled(); // the open requests are known
  await page.screenshot({ path: `${SHOTS}/canary-protected-panel.png`, fullPage: true });
  await panel.getByTestId('canary-request-deploy').click();
  await expect(page.getByTestId('deploy-submit')).toHaveText('Request deploy of v2 to production');
  await page.getByRole('dialog').getByLabel('Reason').fill('the canary looks good');
  await page.getByTestId('deploy-submit').click();
  await expect(page).toHaveURL(/\/releases\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const id = page.url().split('/').pop()!;

  // Back on the prompt: the panel links to the open request instead of opening another.
  await page.goto(`/prompts/${name}`);
  await expect(page.getByTestId('canary-request-open')).toHaveAttribute('href', `/releases/${id}`);
  await expect(page.getByTestId('canary-request-deploy')).toHaveCount(0);

  // Someone else (the admin API key) approves: production moves to v2, the canary ends.
  const approved = await request.post(`/api/v1/deploy-requests/${id}/approve`, { headers: auth, data: {} });
  expect(approved.status(), await approved.text()).toBe(200);
  expect(((await approved.json()) as { status: string }).status).toBe('deployed');
  await page.reload();
  await expect(page.locator('[data-testid="label-item"][data-label="production"]')).toHaveAttribute('data-version', '2');
  await expect(page.getByTestId('canary-panel')).toHaveCount(0);
});
