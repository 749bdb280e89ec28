import { expect, test } from '@playwright/test';
import { auth, signIn, uniquePromptName } from './helpers';

test('an admin creates a user and an API key; the key is shown once and works; duplicates are reported on the field', async ({ page, request }) => {
  await signIn(page);

  // A new user; the same email again is refused on the Email field.
  const email = `${uniquePromptName('dev')}@e2e.test`;
  await page.goto('/settings/users');
  for (const attempt of [1, 2]) {
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Dana Developer');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Initial password').fill('developer-password-1');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    if (attempt === 1) {
      await expect(dialog).toBeHidden();
      await expect(page.locator('table').getByText(email)).toBeVisible();
    } else {
      await expect(dialog.getByText(/already exists|Already in use/)).toBeVisible();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    }
  }

  // An API key with the viewer role: shown once, then usable.
  await page.goto('/settings/api-keys');
  await page.getByRole('button', { name: 'Create API key' }).click();
  const keyDialog = page.getByRole('dialog');
  await keyDialog.getByLabel('Name').fill('e2e-reader');
  await keyDialog.getByLabel('Role').selectOption('viewer');
  await keyDialog.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByTestId('new-api-key').inputValue();
  expect(key).toMatch(/^pd_/);
  // With the key: how to use it, as curl and TypeScript, against this console.
  await expect(page.getByTestId('key-usage-curl')).toContainText(`Authorization: Bearer ${key}`);
  await expect(page.getByTestId('key-usage-curl')).toContainText(`${new URL(page.url()).origin}/api/v1/prompts/`);
  await expect(page.getByTestId('key-usage-ts')).toContainText(`Authorization: 'Bearer ${key}'`);
  await page.screenshot({ path: 'e2e/artifacts/screenshots/api-key-created.png' });
  const served = await request.get('/api/v1/prompts/comment-moderation', { headers: { authorization: `Bearer ${key}` } });
  expect(served.status()).toBe(200);
  const forbidden = await request.post('/api/v1/prompts', { headers: { authorization: `Bearer ${key}` }, data: { name: uniquePromptName('nope') } });
  expect(forbidden.status()).toBe(403);

  // Creating a prompt whose name exists puts the message on the Name field.
  await page.goto('/prompts');
  await page.getByRole('button', { name: 'Create prompt' }).click();
  const promptDialog = page.getByRole('dialog');
  await promptDialog.getByLabel('Name').fill('comment-moderation');
  await promptDialog.getByRole('button', { name: 'Create prompt' }).click();
  await expect(promptDialog.getByText(/already exists/)).toBeVisible();
});

test('pricing names every model the same way, with its id, and asks before replacing a price', async ({ page, request }) => {
  await signIn(page);
  await page.goto('/settings/pricing');
  const names = await page.getByTestId('price-model-name').allTextContents();
  expect(names.length).toBeGreaterThan(10);
  expect(new Set(names).size).toBe(names.length); // one name per id
  for (const n of names) expect(n.trim()).toMatch(/^[A-Z]/); // names, not slugs

  // Adding a price for a model that has a built-in one asks first; Back changes nothing.
  const id = 'amazon.nova-micro-v1:0';
  const before = await (await request.get('/api/v1/settings/prices', { headers: auth })).json();
  const builtIn = (before.items as { modelId: string; inputPerMTokUsd: number; source: string }[]).find((p) => p.modelId === id)!;
  expect(builtIn.source).toBe('built-in');
  await page.getByRole('button', { name: 'Add a price' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Model ID').fill(id);
  await dialog.getByLabel('Input $ / 1M tokens').fill('0.05');
  await dialog.getByLabel('Output $ / 1M tokens').fill('0.2');
  await dialog.getByRole('button', { name: 'Save price' }).click();
  await expect(dialog.getByTestId('price-override-confirm')).toContainText('already has a built-in price');
  await dialog.getByRole('button', { name: 'Back' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const after = await (await request.get('/api/v1/settings/prices', { headers: auth })).json();
  expect((after.items as { modelId: string; source: string }[]).find((p) => p.modelId === id)!.source).toBe('built-in');
  // A model without a price is added without asking.
  const fresh = `ai21.jamba-${Date.now().toString(36)}-v1:0`;
  await page.getByRole('button', { name: 'Add a price' }).click();
  await dialog.getByLabel('Model ID').fill(fresh);
  await dialog.getByLabel('Input $ / 1M tokens').fill('0.5');
  await dialog.getByLabel('Output $ / 1M tokens').fill('0.7');
  await dialog.getByRole('button', { name: 'Save price' }).click();
  await expect(page.locator(`[data-testid="price-row"][data-model-id="${fresh}"]`)).toBeVisible();
  expect((await request.delete(`/api/v1/settings/prices/${encodeURIComponent(fresh)}`, { headers: auth })).status()).toBe(204);
});

test('pricing shows and edits prompt-cache prices; bad input gets a field error', async ({ page, request }) => {
  await signIn(page);
  await page.goto('/settings/pricing');
  const row = (id: string) => page.locator(`[data-testid="price-row"][data-model-id="${id}"]`);
  // Built-in cache prices are shown; a model without any costs cache tokens as input.
  await expect(row('anthropic.claude-3-5-haiku-20241022-v1:0').getByTestId('price-cache-read')).toHaveText('$0.08');
  await expect(row('anthropic.claude-3-5-haiku-20241022-v1:0').getByTestId('price-cache-write')).toHaveText('$1.00');
  await expect(row('meta.llama3-1-8b-instruct-v1:0').getByTestId('price-cache-read')).toHaveText('as input');

  // A new price with cache prices: bad ones are named on their fields and nothing is saved.
  const id = `ai21.jamba-cache-${Date.now().toString(36)}-v1:0`;
  await page.getByRole('button', { name: 'Add a price' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Model ID').fill(id);
  await dialog.getByLabel('Input $ / 1M tokens').fill('0.5');
  await dialog.getByLabel('Output $ / 1M tokens').fill('0.7');
  await dialog.getByLabel('Cache read $ / 1M tokens').fill('abc');
  await dialog.getByLabel('Cache write $ / 1M tokens').fill('-1');
  await dialog.getByRole('button', { name: 'Save price' }).click();
  await expect(dialog.getByLabel('Cache read $ / 1M tokens')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Enter a price in dollars, e.g. 0.08, or leave it empty to price cache reads as input tokens.')).toBeVisible();
  await expect(dialog.getByLabel('Cache write $ / 1M tokens')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('A price cannot be negative.')).toBeVisible();
  expect((await (await request.get('/api/v1/settings/prices', { headers: auth })).json()).items.some((p: { modelId: string }) => p.modelId === id)).toBe(false);

  // Fixed (an empty write price: priced as input), saved, shown.
  await dialog.getByLabel('Cache read $ / 1M tokens').fill('0.05');
  await dialog.getByLabel('Cache write $ / 1M tokens').fill('');
  await dialog.getByRole('button', { name: 'Save price' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(id).getByTestId('price-cache-read')).toHaveText('$0.05');
  await expect(row(id).getByTestId('price-cache-write')).toHaveText('as input');

  // Editing shows the current cache prices; changing one keeps the others.
  await page.getByRole('button', { name: `Edit the price of ${id}` }).click();
  await expect(dialog.getByLabel('Cache read $ / 1M tokens')).toHaveValue('0.05');
  await expect(dialog.getByLabel('Cache write $ / 1M tokens')).toHaveValue('');
  await dialog.getByLabel('Cache write $ / 1M tokens').fill('0.625');
  await dialog.getByRole('button', { name: 'Save price' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(id).getByTestId('price-cache-write')).toHaveText('$0.625');
  const saved = (await (await request.get('/api/v1/settings/prices', { headers: auth })).json()).items.find((p: { modelId: string }) => p.modelId === id);
  expect(saved).toMatchObject({ inputPerMTokUsd: 0.5, outputPerMTokUsd: 0.7, cacheReadPerMTokUsd: 0.05, cacheWritePerMTokUsd: 0.625, source: 'admin' });
  expect((await request.delete(`/api/v1/settings/prices/${encodeURIComponent(id)}`, { headers: auth })).status()).toBe(204);
});
