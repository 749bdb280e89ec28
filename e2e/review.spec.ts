import { expect, test } from '@playwright/test';
import { auth, SHOTS, signIn, uniquePromptName } from './helpers';

test('feedback posted through the API reaches the queue; a reviewer resolves one by keyboard and adds another to a dataset', async ({ page, request }) => {
  // Two invocations of a fresh prompt, reported by an application, then thumbs-down from its users.
  const prompt = uniquePromptName('e2e-review');
  const ingest = await request.post('/api/v1/invocations', {
    headers: auth,
    data: {
      items: ['First answer', 'Second answer', 'Third answer'].map((text) => ({
        promptName: prompt,
        promptVersion: 1,
        modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
        input: { messages: [{ role: 'user', content: 'Is this comment OK?' }] },
        output: { text },
        status: 'ok',
      })),
    },
  });
  expect(ingest.status()).toBe(202);
  const [first, second, third] = (await ingest.json()).ids as string[];
  for (const [id, comment] of [
    [first, 'Flagged a harmless comment'],
    [second, 'Wrong JSON keys'],
    [third, 'Rude'],
  ] as const) {
    expect((await request.post(`/api/v1/invocations/${id}/feedback`, { headers: auth, data: { score: -1, comment, userRef: 'shopper-1' } })).status()).toBe(201);
  }

  // A reviewer account.
  const reviewer = { email: `rev-${Date.now()}@e2e.test`, password: 'reviewer-password-1' };
  expect((await request.post('/api/v1/users', { headers: auth, data: { name: 'Rita Reviewer', email: reviewer.email, password: reviewer.password, role: 'reviewer' } })).status()).toBe(201);
  await signIn(page, reviewer);
  await page.goto(`/review?prompt=${prompt}`);
  const panel = page.getByTestId('review-panel');
  await expect(page.getByTestId('review-item')).toHaveCount(3);
  await expect(panel).toHaveAttribute('data-invocation-id', first!);
  // The filters fit on one row at 1440 px.
  const tops = await page.getByTestId('review-filters').locator('select').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  await expect(panel).toContainText('Flagged a harmless comment');
  await page.screenshot({ path: `${SHOTS}/review.png`, fullPage: true });
  const resolvedBefore = Number(await page.getByTestId('review-count-resolved-today').getAttribute('data-value'));

  // Keyboard: r opens the resolve form, pick a category, Enter resolves; the queue moves on.
  await page.keyboard.press('r');
  await page.getByLabel('Category').selectOption('format');
  await page.getByLabel('Category').press('Enter');
  await expect(page.getByTestId('review-item')).toHaveCount(2);
  await expect(panel).toHaveAttribute('data-invocation-id', second!);
  await expect(page.getByTestId('review-count-resolved-today')).toHaveAttribute('data-value', String(resolvedBefore + 1));
  await expect(page.getByText('Resolved as Format')).toBeVisible();

  // Dismiss the third, then undo it from the toast: it is open again.
  await page.getByTestId('review-item').filter({ hasText: 'Rude' }).click();
  await expect(panel).toHaveAttribute('data-invocation-id', third!);
  await page.keyboard.press('d');
  await page.getByTestId('dismiss-submit').click();
  await expect(page.getByTestId('review-item')).toHaveCount(1);
  await page.locator('[data-sonner-toast]').filter({ hasText: 'Dismissed' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Back in the queue')).toBeVisible();
  await expect(page.getByTestId('review-item')).toHaveCount(2);
  await expect(panel).toHaveAttribute('data-invocation-id', third!);
  expect((await (await request.get(`/api/v1/review-queue/${third}`, { headers: auth })).json()).status).toBe('open');
  await page.getByTestId('review-item').filter({ hasText: 'Wrong JSON keys' }).click();
  await expect(panel).toHaveAttribute('data-invocation-id', second!);

  // a: add the other one to a new dataset with a corrected output.
  const dataset = `gt-${Date.now().toString(36)}`;
  await page.keyboard.press('a');
  await page.getByLabel('Dataset', { exact: true }).selectOption({ label: '+ New dataset…' });
  await page.getByLabel('Name', { exact: true }).fill(dataset);
  await page.getByLabel('Expected output').fill('{"violation": false, "explanation": "Criticism of the product is allowed."}');
  await page.getByTestId('add-to-dataset-submit').click();
  await expect(page.getByText(`Added to ${dataset}`)).toBeVisible();
  // The item says it is in the dataset now, in the panel and in the list.
  await expect(panel.locator(`[data-testid="review-in-dataset"][data-dataset="${dataset}"]`)).toBeVisible();
  await expect(page.getByTestId('review-item').filter({ hasText: 'Wrong JSON keys' })).toContainText(dataset);
  await page.screenshot({ path: `${SHOTS}/review-added.png`, fullPage: true });
  await page.goto(`/datasets/${dataset}`);
  await expect(page.getByTestId('dataset-example')).toHaveAttribute('data-invocation-id', second!);

  // The resolution is visible over the API too.
  const item = await request.get(`/api/v1/review-queue/${first}`, { headers: auth });
  expect(await item.json()).toMatchObject({ status: 'resolved', category: 'format', closedBy: 'Rita Reviewer', closedByRef: { type: 'user', display: 'Rita Reviewer' } });
});
