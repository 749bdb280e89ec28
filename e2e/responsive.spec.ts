import { expect, test, type Page } from '@playwright/test';
import { auth, expectNoSideScroll, ingest, invoke, makePrompt, SHOTS, signIn, uniquePromptName } from './helpers';

/**
 * Every page at phone size (390x844) and desktop size (1440x900): nothing scrolls sideways on a
 * phone, the menu button opens the same navigation, and screenshots of both sizes for review.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function pages(page: Page, request: Parameters<typeof makePrompt>[0]) {
  const name = await makePrompt(request, 'e2e-phone', { messages: ['Summarize this support ticket in two sentences: {{text}}', 'Summarize this support ticket in one sentence for the on-call engineer: {{text}}'], labels: { production: 1 } });
  const invocationId = await invoke(request, name);
  const [down] = await ingest(request, [{ promptName: name, promptVersion: 1 }]);
  expect((await request.post(`/api/v1/invocations/${down}/feedback`, { headers: auth, data: { score: -1, comment: 'Too long' } })).status()).toBe(201);
  const dataset = uniquePromptName('e2e-phone-ds');
  expect((await request.post('/api/v1/datasets', { headers: auth, data: { name: dataset, description: 'Made by the responsive spec' } })).status()).toBe(201);
  return [
    ['catalog', '/prompts'],
    ['prompt', `/prompts/${name}`],
    ['version', `/prompts/${name}/versions/2`],
    ['compare', `/prompts/${name}/compare?a=1&b=2`],
    ['editor', `/prompts/${name}/new`],
    ['playground', `/playground?prompt=${name}&version=1`],
    ['logs', '/logs'],
    ['invocation', `/logs/${invocationId}`],
    ['metrics', '/metrics'],
    ['review', `/review?prompt=${name}`],
    ['datasets', '/datasets'],
    ['dataset', `/datasets/${dataset}`],
    ['users', '/settings/users'],
    ['api-keys', '/settings/api-keys'],
    ['pricing', '/settings/pricing'],
    ['not-found', `/prompts/${name}-missing`],
  ] as const;
}

test('every page fits a phone (no sideways scroll) and the menu opens the navigation', async ({ page, request }) => {
  test.setTimeout(180_000);
  const list = await pages(page, request);
  await page.setViewportSize(PHONE);
  await page.goto('/login');
  await expectNoSideScroll(page);
  await page.screenshot({ path: `${SHOTS}/phone-login.png` });
  await signIn(page);
  for (const [shot, url] of list) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main')).toBeVisible();
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/phone-${shot}.png`, fullPage: true });
  }
  // The menu button opens the same navigation; choosing a page closes it.
  await page.goto('/prompts');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await page.getByRole('button', { name: 'Open menu' }).click();
  const drawer = page.getByTestId('mobile-nav');
  await expect(drawer.getByRole('link', { name: 'Logs' })).toBeVisible();
  await expect(drawer.getByRole('link', { name: 'API keys' })).toBeVisible();
  await expect(drawer.getByTestId('simulated-aws-badge')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/phone-menu.png` });
  await drawer.getByRole('link', { name: 'Logs' }).click();
  await expect(page).toHaveURL(/\/logs$/);
  await expect(drawer).toBeHidden();
});

test('desktop screenshots of every page (1440x900)', async ({ page, request }) => {
  test.setTimeout(180_000);
  const list = await pages(page, request);
  await page.setViewportSize(DESKTOP);
  await signIn(page);
  for (const [shot, url] of list) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/desktop-${shot}.png`, fullPage: true });
  }
});
