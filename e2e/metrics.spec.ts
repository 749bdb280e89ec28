import { expect, test } from '@playwright/test';
import { auth, invoke, makePrompt, SHOTS, signIn } from './helpers';

test('the metrics page fits its window to the activity, shows data and reaches this spec\'s own deploy marker', async ({ page, request }) => {
  // Traffic through the gateway to the simulated Bedrock, and a label move, on a prompt of its own.
  const name = await makePrompt(request, 'e2e-metrics', { messages: ['Summarize: {{text}}', 'Summarize briefly: {{text}}'], labels: { production: 1 } });
  for (let i = 0; i < 3; i++) await invoke(request, name);
  expect((await request.put(`/api/v1/prompts/${name}/labels/production`, { headers: auth, data: { version: 2, expectedVersion: 1, reason: `e2e marker ${name}` } })).status()).toBe(200);

  await signIn(page);
  await page.goto('/metrics');
  await expect(page.locator('#metrics-range')).toHaveValue('fit');
  await expect(page.getByTestId('metrics-fit')).toBeVisible();
  const invocations = page.locator('[data-testid="metrics-chart"][data-metric="Invocations"]');
  await expect(invocations).toBeVisible();
  await expect(page.getByTestId('metrics-chart')).toHaveCount(5);
  await expect(page.getByTestId('metrics-error')).toHaveCount(0);
  await expect(page.getByTestId('metrics-timezone')).toBeVisible();
  await expect(page.getByTestId('metrics-period')).toBeVisible();
  await expect(invocations.locator('.recharts-line-curve, .recharts-area-curve, .recharts-bar-rectangle').first()).toBeVisible();

  // This spec's move is in some marker (alone, or grouped with moves made close to it): hover it.
  const marker = invocations.locator(`[data-testid="deploy-marker"][data-prompts~="${name}"]`);
  await expect(marker).toHaveCount(1);
  await marker.hover({ force: true });
  const tooltip = page.getByTestId('deploy-tooltip');
  await expect(tooltip).toContainText(name); // the newest move of the group, listed first
  await expect(tooltip).toContainText(`e2e marker ${name}`);
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  // The keyboard reaches it too.
  await marker.focus();
  await expect(tooltip).toContainText(name);
  expect(await marker.getAttribute('aria-label')).toContain(`${name} production: v1 → v2`);
  await page.screenshot({ path: `${SHOTS}/metrics.png`, fullPage: true });
  await expect(page.getByTestId('deploy-row').filter({ hasText: `e2e marker ${name}` })).toHaveCount(1);

  // The markers of one chart never overlap: any two are far enough apart, or they are one.
  const xs = await invocations.getByTestId('deploy-marker').evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox().x).sort((a, b) => a - b));
  for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(12);
});
