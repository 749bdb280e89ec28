import { expect, test } from '@playwright/test';
import { makeUser, signIn, SHOTS } from './helpers';

test('a signed-out visit comes back to the page asked for after sign-in', async ({ page }) => {
  await page.goto('/logs?status=ok&range=24h');
  await expect(page).toHaveURL(/\/login\?next=/);
  expect(new URL(page.url()).searchParams.get('next')).toBe('/logs?status=ok&range=24h');
  await page.getByLabel('Email').fill('admin@e2e.test');
  await page.getByLabel('Password').fill('e2e-admin-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/logs\?status=ok&range=24h$/);
  await expect(page.getByRole('heading', { name: 'Logs' })).toBeVisible();
});

test('pages a role may not see answer 403 with a page that says why', async ({ page, request }) => {
  const reviewer = await makeUser(request, 'reviewer');
  await signIn(page, reviewer);
  for (const [path, says] of [
    ['/playground', 'run prompts on Bedrock in the playground'],
    ['/settings/users', 'manage users'],
    ['/settings/api-keys', 'manage API keys'],
    ['/prompts/comment-moderation/new', 'create versions'],
  ] as const) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByTestId('forbidden')).toContainText(says);
    await expect(page.getByTestId('forbidden')).toContainText('(reviewer)');
    // Inside the console frame: the navigation is there.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  }
  await page.screenshot({ path: `${SHOTS}/forbidden.png`, fullPage: true });
  // What the role may see still answers 200.
  expect((await page.goto('/review'))?.status()).toBe(200);
  expect((await page.goto('/prompts'))?.status()).toBe(200);

  // A viewer: no review queue.
  const viewer = await makeUser(request, 'viewer');
  await page.context().clearCookies();
  await signIn(page, viewer);
  expect((await page.goto('/review'))?.status()).toBe(403);
  expect((await page.goto('/playground'))?.status()).toBe(200);
});
