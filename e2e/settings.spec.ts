import { expect, test } from '@playwright/test';
import { signIn, uniquePromptName } from './helpers';

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
