import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { auth, expectNoSideScroll, invoke, makePrompt, makeUser, SHOTS, signIn, uniquePromptName } from './helpers';

const revision = (page: Page) => page.getByTestId('dataset-revision');

test('datasets: create, add/edit/delete, import a CSV with a bad row (named, nothing written), fix and import, export, add two calls from Logs', async ({ page, request }) => {
  const reviewer = await makeUser(request, 'reviewer', 'Dana Datasets');
  await signIn(page, reviewer, /\/(prompts|review)/);
  const name = uniquePromptName('e2e-ds');

  // Create from the Datasets page.
  await page.goto('/datasets');
  await page.getByRole('button', { name: 'New dataset' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create dataset' }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${name}$`));
  await expect(revision(page)).toHaveAttribute('data-revision', '0');
  await expect(page.getByText('No examples yet')).toBeVisible();

  // Add one by hand (keyboard: the dialog opens focused on the variables).
  await page.getByTestId('example-add').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('{"comment": "Buy now at spam.example"}');
  await page.getByLabel('Expected output').fill('{"violation": true}');
  await page.getByLabel('Tags').fill('spam, easy');
  await page.getByTestId('example-save').click();
  await expect(page.getByText('Example added (revision 1)')).toBeVisible();
  await expect(revision(page)).toHaveAttribute('data-revision', '1');
  await expect(page.getByTestId('dataset-example')).toHaveCount(1);

  // Edit it.
  await page.getByTestId('example-edit').click();
  await page.getByLabel('Expected output').fill('{"violation": true, "rule": "spam"}');
  await page.getByTestId('example-save').click();
  await expect(page.getByTestId('example-expected')).toHaveText('{"violation": true, "rule": "spam"}');
  await expect(revision(page)).toHaveAttribute('data-revision', '2');

  // Import a CSV whose third row has an unquoted comma (a field too many): the preview names it, nothing is written.
  const bad = 'comment,expectedOutput,tags\n"Great post, thanks!","{""violation"": false}",easy\n"Two\nlines, still fine","{""violation"": false}",\nCheap pills, extra,"{""violation"": true}",spam\n';
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByTestId('import-preview').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toHaveAttribute('data-total', '3');
  await expect(summary).toHaveAttribute('data-bad', '1');
  await expect(page.getByTestId('import-errors')).toContainText('Row 3 (line 5)');
  await expect(page.locator('[data-testid="import-row"][data-ok="false"]')).toHaveCount(1);
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/datasets-import-bad.png`, fullPage: true });
  await page.keyboard.press('Escape'); // closes the dialog (keyboard), nothing imported
  await expect(revision(page)).toHaveAttribute('data-revision', '2');
  await expect(page.getByTestId('dataset-example')).toHaveCount(1);

  // Fixed (pasted this time): preview is clean, confirm imports all three at once.
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-text').fill(bad.replace('Cheap pills, extra', '"Cheap pills, extra"'));
  await page.getByTestId('import-preview').click();
  await expect(summary).toHaveAttribute('data-bad', '0');
  await expect(page.getByTestId('import-confirm')).toHaveText('Import 3 rows');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByText('Imported 3 examples (revision 3)')).toBeVisible();
  await expect(revision(page)).toHaveAttribute('data-revision', '3');
  await expect(page.getByTestId('dataset-example')).toHaveCount(4);
  await expect(page.getByTestId('dataset-example').nth(2)).toContainText('Two\\nlines, still fine');

  // Delete one (confirmed).
  await page.getByTestId('example-delete').first().click();
  await page.getByTestId('example-delete-confirm').click();
  await expect(page.getByTestId('dataset-example')).toHaveCount(3);
  await expect(revision(page)).toHaveAttribute('data-revision', '4');
  await page.screenshot({ path: `${SHOTS}/datasets-page.png`, fullPage: true });

  // Export: a CSV download named after the revision, that holds the three rows.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${name}-r4.csv`);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('comment,expectedOutput,tags');
  expect(csv).toContain('"Two\nlines, still fine"');
  expect(csv).toContain('"Cheap pills, extra"');

  // Phone width: no sideways scroll.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expectNoSideScroll(page);
  await page.screenshot({ path: `${SHOTS}/datasets-page-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Logs: select two calls of a prompt of our own and add them to the dataset.
  const prompt = await makePrompt(request, 'e2e-ds-logs', { messages: ['Moderate: {{text}}'] });
  await invoke(request, prompt, { version: 1, variables: { text: 'First comment' } });
  await invoke(request, prompt, { version: 1, variables: { text: 'Second comment' } });
  await page.goto(`/logs?prompt=${prompt}`);
  await expect(page.getByTestId('invocation-row')).toHaveCount(2);
  for (const box of await page.getByTestId('logs-select').all()) await box.check();
  await expect(page.getByTestId('logs-selection')).toContainText('2 selected');
  await page.getByTestId('logs-add-to-dataset').click();
  await page.getByTestId('logs-dataset-pick').selectOption(name);
  await page.screenshot({ path: `${SHOTS}/logs-add-to-dataset.png` });
  await page.getByTestId('logs-add-confirm').click();
  await expect(page.getByText(`Added 2 examples to ${name} (revision 5)`)).toBeVisible();
  const d = await (await request.get(`/api/v1/datasets/${name}`, { headers: auth })).json();
  expect(d).toMatchObject({ examples: 5, revision: 5 });
  expect(d.items.slice(3).map((e: { variables: { text: string }; promptName: string }) => [e.variables.text, e.promptName]).sort()).toEqual([
    ['First comment', prompt],
    ['Second comment', prompt],
  ]);
});
