import { expect, test } from '@playwright/test';
import { makePrompt, SHOTS, signIn } from './helpers';

test('a playground run streams, then shows up in Logs with the right version', async ({ page, request }) => {
  const name = await makePrompt(request, 'e2e-play', { system: 'You review comments. Answer with JSON: {"violation": bool}.', messages: ['Guideline: {{guideline}}\nComment: {{comment}}'] });
  await signIn(page);
  await expect(page.getByTestId('simulated-aws-badge')).toBeVisible();
  await page.goto(`/playground?prompt=${name}&version=1`);
  await page.locator('[data-variable="guideline"]').fill('No insults, no spam links, no personal data.');
  await page.locator('[data-variable="comment"]').fill('The blender is loud, but it crushes ice well.');
  await page.getByTestId('run-all').click();

  const column = page.getByTestId('run-column').first();
  const output = page.getByTestId('run-output').first();
  await expect(output).not.toBeEmpty();
  await expect(column).toHaveAttribute('data-status', 'done');
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
  await expect(row).toHaveAttribute('data-prompt', name);
  await expect(row).toHaveAttribute('data-status', 'ok');
  await expect(row).toHaveAttribute('data-source', 'playground');
  await expect(row).toHaveAttribute('data-overrides', 'false');
  await row.getByRole('link', { name: /^Invocation / }).click();
  await expect(page.getByTestId('invocation-version-link')).toHaveText(`${name}@v1`);
  await expect(page.getByTestId('feedback-buttons').first()).toHaveAttribute('data-mine', '-1');
  await expect(page.getByText('Too terse')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/invocation.png`, fullPage: true });
});

test('edit the prompt per column, three columns in a row at 1440 px, overrides dialog fits, save as a new version', async ({ page, request }) => {
  const name = await makePrompt(request, 'e2e-cols', { messages: ['Summarize: {{text}}'] });
  await signIn(page);
  await page.goto(`/playground?prompt=${name}&version=1`);
  await expect(page.getByTestId('run-column')).toHaveCount(1);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('button', { name: 'Add column' }).click();
  const columns = page.getByTestId('run-column');
  await expect(columns).toHaveCount(3);
  // Side by side: same top, no wrapping, nothing sideways.
  const boxes = await columns.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), left: r.left, right: r.right })));
  expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
  expect(boxes[1]!.left).toBeGreaterThan(boxes[0]!.right - 1);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth)).toBe(true);

  // The overrides dialog's Apply button is on screen at 900 px high.
  await page.getByRole('button', { name: 'Overrides for Column B' }).click();
  const apply = page.getByRole('dialog').getByRole('button', { name: 'Apply to this column' });
  await expect(apply).toBeInViewport();
  await page.getByRole('dialog').getByLabel('Temperature').fill('0.9');
  await apply.click();

  // Column C: edit the message; the variables follow the edited template.
  const c = columns.nth(2);
  await c.getByRole('button', { name: 'Edit prompt' }).click();
  await c.getByLabel('Message 1 for Column C').fill('Rate this review from 1 to 5: {{review}}');
  await expect(c.getByTestId('column-template')).toHaveAttribute('data-edited', 'true');
  await expect(page.locator('[data-variable="review"]')).toBeVisible();
  await page.locator('[data-variable="text"]').fill('Loud but strong.');
  await page.locator('[data-variable="review"]').fill('Loud but strong.');
  await page.getByTestId('run-all').click();
  for (let i = 0; i < 3; i++) await expect(columns.nth(i)).toHaveAttribute('data-status', 'done');
  await page.screenshot({ path: `${SHOTS}/playground-columns.png`, fullPage: true });

  // Logged as runs with overrides; the version's figures leave them out, and say so.
  await page.goto(`/logs?prompt=${name}`);
  await expect(page.locator('[data-testid="invocation-row"][data-overrides="true"]')).toHaveCount(2);
  await expect(page.getByTestId('overrides-badge').first()).toBeVisible();
  await page.goto(`/prompts/${name}`);
  await expect(page.locator('[data-testid="version-metrics-row"][data-version="1"]')).toHaveAttribute('data-invocations', '1');
  await expect(page.getByTestId('excluded-override-runs')).toHaveAttribute('data-value', '2');

  // "Save as new version" brings the edited prompt to the editor.
  await page.goto(`/playground?prompt=${name}&version=1`);
  const col = page.getByTestId('run-column').first();
  await col.getByRole('button', { name: 'Edit prompt' }).click();
  await col.getByLabel('Message 1 for Column A').fill('Summarize in five words: {{text}}');
  await col.getByRole('link', { name: 'Save as new version' }).click();
  await expect(page).toHaveURL(new RegExp(`/prompts/${name}/new\\?from=1&template=playground`));
  await expect(page.getByText('Prompt edited in the playground')).toBeVisible();
  await expect(page.getByLabel('Message 1 content')).toHaveValue('Summarize in five words: {{text}}');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(page).toHaveURL(new RegExp(`/prompts/${name}/versions/2$`));
});
