import { expect, test } from '@playwright/test';
import { ingest, makePrompt, SHOTS, signIn, uniquePromptName } from './helpers';

test('logs: search over input and output, filter by caller and metadata, the table fits at 1440 px', async ({ page, request }) => {
  const name = await makePrompt(request, 'e2e-logs');
  const word = uniquePromptName('zebra').replace(/-/g, ''); // a word no other spec writes
  const session = uniquePromptName('sess');
  const [inInput, inOutput, other] = await ingest(request, [
    { promptName: name, promptVersion: 1, input: { messages: [{ role: 'user', content: `Where is my ${word} order?` }] }, output: { text: 'On its way.' }, metadata: { userRef: 'shopper-1', sessionId: session, tags: ['checkout'] } },
    { promptName: name, promptVersion: 1, output: { text: `The ${word} ships tomorrow.` }, metadata: { userRef: 'shopper-2', sessionId: session, tags: ['support'] } },
    { promptName: name, promptVersion: 1, output: { text: 'Nothing to see.' }, metadata: { userRef: 'shopper-3' } },
  ]);

  await signIn(page);
  await page.goto('/logs');
  await page.getByTestId('logs-search').fill(word);
  await page.getByTestId('logs-search').press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
  const rows = page.getByTestId('invocation-row');
  await expect(rows).toHaveCount(2);
  await expect(page.locator(`[data-testid="invocation-row"][data-id="${inInput}"]`)).toBeVisible();
  await expect(page.locator(`[data-testid="invocation-row"][data-id="${inOutput}"]`)).toBeVisible();

  // Caller and metadata filters, folded until used.
  await page.goto(`/logs?prompt=${name}`);
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: /Caller & metadata/ }).click();
  await page.getByLabel('Session').fill(session);
  await page.getByLabel('Tag').fill('support');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-id', inOutput!);
  await page.goto(`/logs?prompt=${name}&userRef=shopper-3`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-id', other!);
  await expect(page.getByLabel('User ref')).toHaveValue('shopper-3'); // open, since it is in use
  await page.goto(`/logs?prompt=${name}&caller=KEY:e2e-nobody`);
  await expect(page.getByText('No invocations match these filters')).toBeVisible();

  // The whole table fits at 1440 px: the feedback column is on screen.
  await page.goto(`/logs?prompt=${name}`);
  const table = page.getByRole('table', { name: 'Invocations' });
  const fits = await table.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth);
  expect(fits).toBe(true);
  await expect(rows.first().getByTestId('feedback-buttons')).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/logs.png`, fullPage: true });
});
