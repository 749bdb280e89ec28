import { expect, test } from '@playwright/test';
import { auth, signIn, uniquePromptName } from './helpers';

const SHOTS = 'e2e/artifacts/screenshots';

test('who did what shows the person by name (email on hover) and API keys by their name; key names are unique', async ({ page, request }) => {
  // A deployer with a name, and a prompt created by the API key the tests use.
  const nora = { name: 'Nora Names', email: `${uniquePromptName('nora')}@e2e.test`, password: 'nora-password-1' };
  const created = await request.post('/api/v1/users', { headers: auth, data: { ...nora, role: 'deployer' } });
  expect(created.status()).toBe(201);
  const noraId = (await created.json()).id as string;
  const name = uniquePromptName('e2e-who');
  expect((await request.post('/api/v1/prompts', { headers: auth, data: { name } })).status()).toBe(201);
  const v1 = await request.post(`/api/v1/prompts/${name}/versions`, {
    headers: auth,
    data: { template: { messages: [{ role: 'user', content: 'Hi {{who}}' }] }, modelId: 'amazon.nova-lite-v1:0' },
  });
  expect(v1.status()).toBe(201);
  const keyRef = (await v1.json()).createdByRef as { type: string; id: string; display: string };
  expect(keyRef.type).toBe('api_key');

  // Nora deploys from her browser session.
  await signIn(page, nora);
  const status = await page.evaluate(async (prompt) => {
    const r = await fetch(`/api/v1/prompts/${prompt}/labels/production`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: 1, reason: 'first launch' }) });
    return r.status;
  }, name);
  expect(status).toBe(200);

  await page.goto(`/prompts/${name}`);
  const event = page.getByTestId('history-event').first();
  const who = event.getByTestId('actor-name');
  await expect(who).toHaveAttribute('data-actor-type', 'user');
  await expect(who).toHaveAttribute('data-actor-id', noraId);
  await expect(who).toContainText('Nora Names (you)');
  await expect(who).toHaveAttribute('title', `Nora Names <${nora.email}>`);
  // A hover that lands before hydration opens nothing: move away and back until the tooltip shows.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await who.hover();
    await expect(page.getByRole('tooltip')).toContainText(nora.email, { timeout: 1_500 });
  }).toPass({ timeout: 15_000 });
  const author = page.getByTestId('version-row').first().getByTestId('actor-name');
  await expect(author).toHaveAttribute('data-actor-type', 'api_key');
  await expect(author).toContainText(keyRef.display);
  await expect(author.getByLabel('API key')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/identity.png`, fullPage: true });

  // The admin: a second active key with the same name (any case) is refused on the Name field.
  await page.context().clearCookies();
  await signIn(page);
  const keyName = uniquePromptName('e2e-app');
  await page.goto('/settings/api-keys');
  for (const attempt of [keyName, keyName.toUpperCase()]) {
    await page.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(attempt);
    await dialog.getByLabel('Role').selectOption('viewer');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    if (attempt === keyName) {
      await expect(page.getByTestId('new-api-key')).toBeVisible();
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(dialog).toBeHidden();
    } else {
      await expect(dialog.getByText('An active key already has this name.')).toBeVisible();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    }
  }
  const row = page.locator(`[data-testid="api-key-row"][data-name="${keyName}"]`);
  await expect(row.getByTestId('actor-name')).toHaveAttribute('data-actor-type', 'user');
});
