import { expect, test } from '@playwright/test';
import { auth, signIn } from './helpers';

const SHOTS = 'e2e/artifacts/screenshots';

test('the metrics page shows CloudWatch charts with data and a deploy marker', async ({ page, request }) => {
  // Traffic through the gateway to the simulated Bedrock, and a label move.
  const variables = { guideline: 'No insults.', comment: 'Great blender.' };
  for (let i = 0; i < 3; i++) {
    expect((await request.post('/api/v1/prompts/review-summarizer/invoke', { headers: auth, data: { variables: { product: 'Blender', reviews: 'Loud but strong.', max_words: 50 } } })).status()).toBe(200);
  }
  expect((await request.post('/api/v1/prompts/comment-moderation/invoke', { headers: auth, data: { variables } })).status()).toBe(200);
  const labels = await (await request.get('/api/v1/prompts/review-summarizer/labels', { headers: auth })).json();
  const production = (labels.items as { name: string; version: number }[]).find((l) => l.name === 'production')!;
  const to = production.version === 2 ? 1 : 2;
  expect((await request.put('/api/v1/prompts/review-summarizer/labels/production', { headers: auth, data: { version: to, expectedVersion: production.version, reason: 'e2e marker' } })).status()).toBe(200);

  await signIn(page);
  await page.goto('/metrics?range=1h');
  const invocations = page.locator('[data-testid="metrics-chart"][data-metric="Invocations"]');
  await expect(invocations).toBeVisible();
  await expect(page.getByTestId('metrics-chart')).toHaveCount(5);
  await expect(page.getByTestId('metrics-error')).toHaveCount(0);
  await expect(page.getByTestId('metrics-timezone')).toBeVisible();
  await expect(page.getByTestId('metrics-period')).toBeVisible();
  // The chart draws a line with data and the label move as a marker.
  await expect(invocations.locator('.recharts-line-curve, .recharts-area-curve, .recharts-bar-rectangle').first()).toBeVisible();
  // The newest marker: its group holds this test's move (other specs' label moves may fill earlier ones).
  const marker = invocations.getByTestId('deploy-marker').last();
  await expect(marker).toBeAttached();
  // The hover strip runs along the line (the left of the marker's box; a count may sit to its right).
  await marker.hover({ force: true, position: { x: 5, y: 40 } });
  await expect(page.getByTestId('deploy-tooltip').first()).toContainText('review-summarizer');
  await page.screenshot({ path: `${SHOTS}/metrics.png`, fullPage: true });
  await expect(page.getByTestId('deploy-row').filter({ hasText: 'e2e marker' })).toHaveCount(1);
});
