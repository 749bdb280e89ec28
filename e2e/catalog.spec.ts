import { expect, test, type Page } from '@playwright/test';
import { servedVersion, signIn, uniquePromptName } from './helpers';

const SHOTS = 'e2e/artifacts/screenshots';

async function createVersion(page: Page, name: string, content: string, commit: string) {
  await page.getByRole('link', { name: 'New version' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/prompts/${name}/new`));
  await page.getByLabel('Message 1 content').fill(content);
  await page.getByLabel('Temperature').fill('0.2');
  await page.getByLabel('Commit message').fill(commit);
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(page).toHaveURL(new RegExp(`/prompts/${name}/versions/\\d+$`));
}

test('sign in, create a prompt and two versions, deploy v2, roll back in the UI', async ({ page, request }) => {
  const name = uniquePromptName('e2e-ui');
  await signIn(page);
  await expect(page.getByTestId('prompt-row').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/catalog.png`, fullPage: true });

  // Create the prompt.
  await page.getByRole('button', { name: 'Create prompt' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Description').fill('Created by the e2e test');
  await dialog.getByLabel('Tags').fill('e2e, demo');
  await dialog.getByRole('button', { name: 'Create prompt' }).click();
  await expect(page).toHaveURL(new RegExp(`/prompts/${name}$`));

  // Two versions; the editor rejects an invalid temperature first.
  await page.getByRole('link', { name: 'New version' }).first().click();
  await page.getByLabel('Message 1 content').fill('Summarize: {{text}}');
  await page.getByLabel('Temperature').fill('1.5');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(page.getByText(/temperature is between 0 and 1/i).first()).toBeVisible();
  await page.getByLabel('Temperature').fill('0.2');
  await page.getByLabel('Commit message').fill('first');
  // v1 goes to production as it is created (recorded in the label's history).
  await page.getByLabel('Also point labels at it').fill('production');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(page).toHaveURL(new RegExp(`/prompts/${name}/versions/1$`));
  await page.screenshot({ path: `${SHOTS}/version.png`, fullPage: true });
  expect(await servedVersion(request, name)).toBe(1);
  await page.goto(`/prompts/${name}`);
  await createVersion(page, name, 'Summarize in one sentence: {{text}}', 'second');
  await page.goto(`/prompts/${name}`);
  await expect(page.getByTestId('version-row')).toHaveCount(2);

  // Deploy v2 to production; the API serves v2.
  await page.getByRole('button', { name: 'Deploy', exact: true }).click();
  const deploy = page.getByRole('dialog');
  await deploy.getByLabel('Label').fill('production');
  await deploy.getByLabel('Version').selectOption('2');
  await deploy.getByLabel('Reason').fill('ship v2');
  await deploy.getByRole('button', { name: 'Deploy', exact: true }).click();
  await expect(page.locator('[data-testid="label-item"][data-label="production"]')).toHaveAttribute('data-version', '2');
  expect(await servedVersion(request, name)).toBe(2);

  // Roll back in the UI, with a confirmation that shows from -> to.
  await page.getByRole('button', { name: 'Roll back production' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByTestId('rollback-preview')).toContainText('production: v2 → v1');
  await confirm.getByLabel('Reason').fill('regression in v2');
  await page.screenshot({ path: `${SHOTS}/rollback-confirm.png` });
  await confirm.getByRole('button', { name: /Roll back to v1/ }).click();
  await expect(page.locator('[data-testid="label-item"][data-label="production"]')).toHaveAttribute('data-version', '1');

  // The API serves v1 and the history shows the moves, newest first.
  expect(await servedVersion(request, name)).toBe(1);
  const events = page.getByTestId('history-event');
  await expect(events.first()).toHaveAttribute('data-action', 'rollback');
  await expect(events.first()).toHaveAttribute('data-from', '2');
  await expect(events.first()).toHaveAttribute('data-to', '1');
  await expect(events.first()).toContainText('regression in v2');
  await expect(events.nth(1)).toHaveAttribute('data-action', 'deploy');
  await expect(events.nth(1)).toHaveAttribute('data-from', '1');
  await expect(events.nth(1)).toHaveAttribute('data-to', '2');
  await expect(events.nth(1)).toContainText('ship v2');
  await page.screenshot({ path: `${SHOTS}/prompt.png`, fullPage: true });
});

test('a label moved by someone else meanwhile is reported, not overwritten', async ({ page, request }) => {
  await signIn(page);
  const name = 'support-reply'; // demo data: production -> v1, staging -> v2
  await page.goto(`/prompts/${name}`);
  const staging = page.locator('[data-testid="label-item"][data-label="staging"]');
  const shown = await staging.getAttribute('data-version');
  await page.getByRole('button', { name: 'Deploy', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Label').fill('staging');
  await dialog.getByLabel('Version').selectOption('1');
  // Someone else moves staging now.
  const other = shown === '1' ? 2 : 1;
  const { auth } = await import('./helpers');
  expect((await request.put(`/api/v1/prompts/${name}/labels/staging`, { headers: auth, data: { version: other } })).status()).toBe(200);
  await dialog.getByRole('button', { name: 'Deploy', exact: true }).click();
  await expect(page.getByText(/moved to v\d by someone else meanwhile/).first()).toBeVisible();
  await expect(staging).toHaveAttribute('data-version', String(other));
});

test('main pages render (screenshots for review)', async ({ page }) => {
  await signIn(page);
  await page.goto('/prompts/comment-moderation');
  await expect(page.getByTestId('version-row').first()).toBeVisible();
  await page.goto('/prompts/comment-moderation/compare?a=2&b=3');
  await expect(page.getByRole('heading').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/compare.png`, fullPage: true });
  await page.goto('/prompts/comment-moderation/new?from=3');
  await expect(page.getByRole('button', { name: 'Save version' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/editor.png`, fullPage: true });
  await page.goto('/settings/api-keys');
  await page.screenshot({ path: `${SHOTS}/api-keys.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/prompts/comment-moderation');
  await page.screenshot({ path: `${SHOTS}/prompt-dark.png`, fullPage: true });
});
