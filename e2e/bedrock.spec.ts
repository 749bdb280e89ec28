import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { auth, expectNoSideScroll, SHOTS, uniquePromptName } from './helpers';

/**
 * The Bedrock catalog side of the release bundle, in the browser, against the stand-in the
 * launcher starts (its catalog lists Claude 3 Haiku as LEGACY; Prompt Management holds the demo
 * prompts). Independent of other specs: it makes its own prompts; the import looks only at what
 * it imported itself.
 */
const LEGACY = 'anthropic.claude-3-haiku-20240307-v1:0';

// Password hashing is slow on a loaded machine: sign in through the API (same cookie jar as the page), with time to spare.
test.describe.configure({ timeout: 180_000 });
async function signIn(page: Page): Promise<void> {
  const res = await page.request.post('/api/v1/auth/session', { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password }, timeout: 90_000 });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

async function promptOn(request: APIRequestContext, prefix: string, modelId: string, production = true): Promise<string> {
  const name = uniquePromptName(prefix);
  expect((await request.post('/api/v1/prompts', { headers: auth, data: { name, description: `Made by the bedrock spec`, tags: ['e2e'] } })).status()).toBe(201);
  const v = await request.post(`/api/v1/prompts/${name}/versions`, {
    headers: auth,
    data: { template: { system: 'You are concise.', messages: [{ role: 'user', content: 'Summarize: {{text}}' }] }, modelId, ...(production ? { labels: ['production'] } : {}) },
  });
  expect(v.status()).toBe(201);
  return name;
}

test('the model picker searches the Bedrock catalog, shows LEGACY with its end of life, and takes a custom id', async ({ page, request }) => {
  const name = await promptOn(request, 'e2e-picker', 'amazon.nova-lite-v1:0', false);
  await signIn(page);
  await page.goto(`/prompts/${name}/new`);
  const picker = page.getByRole('combobox', { name: 'Model' });
  await picker.click();
  await picker.fill('claude 3 haiku');
  const options = page.getByRole('listbox', { name: 'Models' }).getByRole('option');
  const legacy = options.filter({ hasText: LEGACY }).first();
  await expect(legacy).toBeVisible();
  await expect(legacy.getByTestId('legacy-badge')).toContainText(/LEGACY · ends \w{3} \d{1,2}, 2027/);
  await page.screenshot({ path: `${SHOTS}/bedrock-model-picker.png` });
  await legacy.click();
  await expect(picker).toHaveValue(LEGACY);
  await expect(page.getByTestId('model-picker-current').getByTestId('legacy-badge')).toBeVisible();

  // Kind filter: application and cross-region profiles are listed apart.
  await picker.click();
  await picker.fill('');
  await page.getByRole('button', { name: 'Cross-region' }).click();
  await expect(options.first()).toContainText(/^.*(us|global)\./);
  // A custom id that the catalog does not list is used as typed.
  const custom = 'eu.amazon.nova-lite-v1:0';
  await picker.fill(custom);
  await page.getByRole('option', { name: new RegExp(`Use custom id ${custom.replace(/\./g, '\\.')}`) }).click();
  await expect(picker).toHaveValue(custom);

  await page.setViewportSize({ width: 390, height: 844 });
  // Above the sticky save bar, with room for the list below it.
  await picker.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.wheel(0, -120);
  await picker.focus();
  await picker.fill('nova');
  await expect(options.first()).toBeVisible();
  await expectNoSideScroll(page);
  await page.screenshot({ path: `${SHOTS}/bedrock-model-picker-390.png` });
});

test('prompts whose labels serve a LEGACY model are flagged on the prompt page, in the catalog and on the metrics page', async ({ page, request }) => {
  const name = await promptOn(request, 'e2e-legacy', LEGACY);
  await signIn(page);
  await page.goto(`/prompts/${name}`);
  await expect(page.getByTestId('legacy-warning')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'LEGACY model' })).toContainText(/2027/);
  await page.screenshot({ path: `${SHOTS}/bedrock-legacy-prompt.png` });

  await page.goto(`/prompts?q=${name}`);
  await expect(page.locator(`[data-testid="prompt-row"][data-prompt="${name}"]`).getByTestId('legacy-prompt-badge')).toBeVisible();

  await page.goto('/metrics');
  // The metrics page loads several AWS-backed panels at once: give them time on a busy machine.
  await expect(page.getByTestId('legacy-row').filter({ hasText: name })).toContainText('Claude 3 Haiku', { timeout: 45_000 });
  const headroom = page.getByTestId('quota-headroom-card');
  await expect(headroom.locator(`[data-testid="headroom-row"][data-model-id="${LEGACY}"]`)).toBeVisible({ timeout: 45_000 });
  await expect(headroom.locator(`[data-testid="headroom-row"][data-model-id="${LEGACY}"]`)).toContainText('Service Quotas');
  await headroom.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/bedrock-metrics.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSideScroll(page);
});

test('an admin imports Bedrock prompts: selected, then all (what exists is skipped with a reason)', async ({ page }) => {
  await signIn(page);
  await page.goto('/prompts');
  await page.getByRole('button', { name: 'Import from Bedrock' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from Bedrock' });
  await expect(dialog.getByTestId('bedrock-prompt-list')).toContainText('product-description');
  await dialog.getByRole('checkbox', { name: 'Import ticket-router' }).check();
  await dialog.getByRole('button', { name: /Import selected/ }).click();
  const results = dialog.getByTestId('import-results');
  await expect(results).toContainText(/Imported ticket-router \(version 1\)|already imported/);
  await page.screenshot({ path: `${SHOTS}/bedrock-import.png` });
  await dialog.getByRole('button', { name: 'Import all' }).click();
  // support-reply exists in the demo catalog already: skipped, never overwritten.
  await expect(dialog.getByTestId('import-skipped').filter({ hasText: 'name taken' })).toHaveCount(1);
  await expect(dialog.getByTestId('import-skipped').filter({ hasText: 'ticket-router' }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/bedrock-import-all.png` });
  await page.keyboard.press('Escape');

  await page.goto('/prompts/ticket-router/versions/1');
  await expect(page.getByTestId('bedrock-imported-from')).toContainText(/^arn:aws:bedrock:us-east-1:123456789012:prompt\/[0-9A-Z]{10}:1$/);
});

test('a deployer publishes a version to Bedrock and sees the ARN, with a copy button', async ({ page, request }) => {
  const name = await promptOn(request, 'e2e-publish', 'amazon.nova-lite-v1:0');
  await signIn(page);
  await page.goto(`/prompts/${name}/versions/1`);
  const card = page.getByTestId('bedrock-card');
  await card.getByRole('button', { name: 'Publish to Bedrock' }).click();
  const arn = card.getByTestId('bedrock-version-arn');
  await expect(arn).toHaveText(/^arn:aws:bedrock:us-east-1:123456789012:prompt\/[0-9A-Z]{10}:1$/);
  await expect(card.getByRole('button', { name: 'Copy Prompt version ARN' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Publish to Bedrock' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/bedrock-published.png`, fullPage: true });
  // Recorded on the version: the API and a reload show it.
  const v = (await (await request.get(`/api/v1/prompts/${name}/versions/1`, { headers: auth })).json()) as { bedrock: { promptVersionArn: string } };
  await page.reload();
  await expect(card.getByTestId('bedrock-version-arn')).toHaveText(v.bedrock.promptVersionArn);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSideScroll(page);
  await page.screenshot({ path: `${SHOTS}/bedrock-published-390.png`, fullPage: true });
});
