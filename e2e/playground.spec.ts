import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const SHOTS = 'e2e/artifacts/screenshots';

test('a playground run streams, then shows up in Logs with the right version', async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId('simulated-aws-badge')).toBeVisible();
  await page.goto('/playground?prompt=comment-moderation&version=1');
  await page.locator('[data-variable="guideline"]').fill('No insults, no spam links, no personal data.');
  await page.locator('[data-variable="comment"]').fill('The blender is loud, but it crushes ice well.');
  await page.getByTestId('run-all').click();

  const column = page.getByTestId('run-column').first();
  const output = page.getByTestId('run-output').first();
  // Streaming: text arrives before the run is done.
  await expect(output).not.toBeEmpty();
  await expect(column).toHaveAttribute('data-status', 'done');
  await expect(output).toContainText('violation');
  const stats = page.getByTestId('run-stats').first();
  await expect(stats).toHaveAttribute('data-version', '1');
  const id = await stats.getAttribute('data-invocation-id');
  expect(id).toBeTruthy();
  await expect(page.getByTestId('run-tokens').first()).toBeVisible();
  // Thumbs down on the playground output, with a comment.
  await column.getByTestId('feedback-down').click();
  await page.getByTestId('feedback-comment').fill('Too terse');
  await page.getByTestId('feedback-comment-save').click();
  await expect(column.getByTestId('feedback-buttons')).toHaveAttribute('data-mine', '-1');
  await page.screenshot({ path: `${SHOTS}/playground.png`, fullPage: true });

  await page.goto('/logs');
  const row = page.locator(`[data-testid="invocation-row"][data-id="${id}"]`);
  await expect(row).toHaveAttribute('data-version', '1');
  await expect(row).toHaveAttribute('data-prompt', 'comment-moderation');
  await expect(row).toHaveAttribute('data-status', 'ok');
  await expect(row).toHaveAttribute('data-source', 'playground');
  await page.screenshot({ path: `${SHOTS}/logs.png`, fullPage: true });
  await row.getByRole('link', { name: /^Invocation / }).click();
  await expect(page.getByTestId('invocation-version-link')).toHaveText('comment-moderation@v1');
  // The vote made in the playground is on the invocation, comment included.
  await expect(page.getByTestId('feedback-buttons').first()).toHaveAttribute('data-mine', '-1');
  await expect(page.getByText('Too terse')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/invocation.png`, fullPage: true });
});
