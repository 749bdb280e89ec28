import { expect as baseExpect, test, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { auth, expectNoSideScroll, makePrompt, SHOTS, uniquePromptName } from './helpers';

// Pages wait on background runs and a shared, busy machine: a longer wait than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * Experiments from the UI: define a suite on the prompt page, run it and watch it finish, filter
 * failures, compare two runs, start a small sweep and save a cell as a version. Its own prompt
 * and dataset, made through the API.
 */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSideScroll(page);
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('suite, run, failures, compare, sweep and save a cell as a version', async ({ page, request }) => {
  test.setTimeout(180_000);
  const prompt = await makePrompt(request, 'e2e-exp', { messages: ['Is this comment OK? Answer allow or block: {{text}}'] });
  const dataset = uniquePromptName('e2e-exp-ds');
  expect((await request.post('/api/v1/datasets', { headers: auth, data: { name: dataset } })).status()).toBe(201);
  const examples = [
    { variables: { text: 'Great blender, works fine.' }, expectedOutput: 'allow' },
    { variables: { text: 'You are an idiot.' }, expectedOutput: 'block' },
    { variables: { text: 'Buy cheap pills at spam.example' }, expectedOutput: 'block' },
    { variables: { text: 'Arrived on time.' }, expectedOutput: 'allow' },
  ];
  // One at a time: the single-example form is the one every version of the API takes.
  for (const ex of examples) expect((await request.post(`/api/v1/datasets/${dataset}/examples`, { headers: auth, data: ex })).status()).toBe(201);

  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(E2E_ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/prompts$/);

  // Define the default suite on the prompt page.
  await page.goto(`/prompts/${prompt}`);
  const panel = page.getByTestId('suites-panel');
  await expect(panel).toContainText('No test suites yet');
  await panel.getByRole('button', { name: 'New suite' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill('smoke');
  await dialog.getByLabel('Dataset', { exact: true }).selectOption(dataset);
  await dialog.getByLabel(/^Minimum pass rate/).fill('75');
  // A bad regex is named in the form's words before anything is sent.
  await dialog.getByLabel('Evaluator 1', { exact: true }).selectOption('regex');
  await dialog.getByLabel('Pattern', { exact: true }).fill('(');
  await dialog.getByRole('button', { name: 'Create suite' }).click();
  await expect(dialog.getByText(/This pattern does not compile/)).toBeVisible();
  await dialog.getByLabel('Evaluator 1', { exact: true }).selectOption('exact');
  await dialog.getByLabel('Case-sensitive', { exact: true }).uncheck();
  await dialog.getByRole('button', { name: 'Create suite' }).click();
  await expect(dialog).toBeHidden();
  const row = panel.getByTestId('suite-row').filter({ hasText: 'smoke' });
  await expect(row).toContainText('default');
  await shoot(page, 'experiments-prompt-suites');

  // Run it with one click and watch it finish.
  await row.getByRole('button', { name: 'Run suite smoke' }).click();
  await expect(page).toHaveURL(/\/experiments\/[^/]+$/);
  const firstRun = page.url().split('/').pop()!;
  await expect(page.getByTestId('run-progress')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  await expect(page.getByTestId('run-progress')).toHaveAttribute('aria-valuenow', '4');
  await expect(page.getByTestId('result-row')).toHaveCount(4);
  await expect(page.getByTestId('summary-pass-rate')).toBeVisible();
  await shoot(page, 'experiments-run');

  // Failures only.
  const failing = await page.locator('[data-testid="result-row"][data-pass="false"]').count();
  await page.getByRole('button', { name: 'Failures' }).click();
  if (failing > 0) {
    await expect(page.getByTestId('result-row')).toHaveCount(failing);
    await expect(page.locator('[data-testid="result-row"][data-pass="true"]')).toHaveCount(0);
  } else {
    await expect(page.getByText('No failures')).toBeVisible();
  }

  // The versions table shows v1's latest default-suite result.
  await page.goto(`/prompts/${prompt}`);
  await expect(page.getByTestId('version-suite-result').first()).toBeVisible();

  // A second run of the same suite, through the API; then compare the two from the list.
  const second = await request.post(`/api/v1/prompts/${prompt}/suites/smoke/runs`, { headers: auth, data: { version: 1 } });
  expect(second.status()).toBe(202);
  const secondId = ((await second.json()) as { id: string }).id;
  await page.goto(`/experiments?prompt=${prompt}`);
  await expect(page.getByTestId('experiment-row')).toHaveCount(2);
  await expect(page.locator(`[data-testid="experiment-row"][data-id="${secondId}"]`).getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  await shoot(page, 'experiments-list');
  for (const id of [firstRun, secondId]) await page.locator(`[data-testid="experiment-row"][data-id="${id}"]`).getByRole('checkbox').check();
  await page.getByTestId('compare-selected').click();
  await expect(page).toHaveURL(/\/experiments\/compare\?base=/);
  await expect(page.getByTestId('compare-verdict')).toBeVisible();
  await expect(page.getByTestId('compare-verdict')).toContainText(/No change|Could be chance|Real difference/);
  await expect(page.getByTestId('compare-delta')).toHaveCount(4);
  await shoot(page, 'experiments-compare');

  // A small sweep from the form: temperature min and max, two cells.
  await page.goto(`/experiments/sweeps/new?prompt=${prompt}&dataset=${dataset}`);
  // The prompt and dataset from the address are chosen, even before their lists arrive.
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(prompt);
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue(dataset);
  // Typing that lands before the form hydrates is redone (hydration resets the field).
  await expect(async () => {
    await page.getByLabel('Temperature', { exact: true }).fill('0, 1');
    await expect(page.getByTestId('cell-count')).toHaveText(/^2 cells/, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByLabel('Temperature', { exact: true }).fill('0, 0.5, 1');
  await page.getByLabel('Top P', { exact: true }).fill('0.1, 0.5, 0.9, 1');
  await page.getByLabel('Max tokens', { exact: true }).fill('100, 200, 300');
  await expect(page.getByTestId('cell-count')).toHaveText(/^36 cells/);
  await expect(page.getByRole('button', { name: /Start sweep/ })).toBeDisabled();
  await page.getByLabel('Top P', { exact: true }).fill('');
  await page.getByLabel('Max tokens', { exact: true }).fill('');
  await page.getByLabel('Temperature', { exact: true }).fill('0, 1');
  await shoot(page, 'experiments-sweep-new');
  await page.getByRole('button', { name: /Start sweep/ }).click();
  await expect(page).toHaveURL(/\/experiments\/sweeps\/[^/]+$/);
  await expect(page.getByTestId('sweep-cell')).toHaveCount(2);
  await expect(page.getByTestId('sweep-cell').getByTestId('run-status').and(page.locator('[data-status="succeeded"]'))).toHaveCount(2, { timeout: 90_000 });
  await expect(page.getByTestId('sweep-chart')).toBeVisible();
  await expect(page.locator('[data-testid="sweep-cell"][data-pareto="true"]').first()).toBeVisible();
  await shoot(page, 'experiments-sweep');

  // Save the second cell (temperature 1) as a new version.
  await page.getByTestId('sweep-cell').nth(1).getByRole('button', { name: /Save .* as a new version/ }).click();
  await expect(page).toHaveURL(new RegExp(`/prompts/${prompt}/versions/2$`));
  const v2 = (await (await request.get(`/api/v1/prompts/${prompt}/versions/2`, { headers: auth })).json()) as { params: { temperature?: number } };
  expect(v2.params.temperature).toBe(1);
});
