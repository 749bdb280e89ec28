import { expect, test } from '@playwright/test';
import { auth, expectNoSideScroll, makePrompt, SHOTS, signIn } from './helpers';

const ORDER_SCHEMA = JSON.stringify({ type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] }, null, 2);

test('a version with a tool and an output schema, made in the editor, runs in the playground and shows its tool call', async ({ page, request }) => {
  const name = await makePrompt(request, 'e2e-bundle', { system: 'You help customers with their orders.', messages: ['{{question}}'] });
  await signIn(page);

  // The editor: one tool, forced; an output schema; a cache point after the system prompt; a fallback.
  await page.goto(`/prompts/${name}/new`);
  await page.getByRole('button', { name: 'Add tool' }).click();
  await page.locator('#tool-0-name').fill('lookup_order');
  await page.locator('#tool-0-description').fill('Find an order by its number');
  await page.locator('#tool-0-schema').fill('{ "type": "object", ');
  await expect(page.locator('#tool-0-schema-error')).toContainText('Not valid JSON'); // checked as you type
  await page.locator('#tool-0-schema').fill(ORDER_SCHEMA);
  await expect(page.locator('#tool-0-schema-hint')).toContainText('Valid JSON');
  await page.locator('#tool-choice').selectOption('tool:lookup_order');
  await page.locator('#output-schema').fill('{"type": "objekt"}');
  await page.getByRole('checkbox', { name: /After the system prompt/ }).check();
  await page.getByRole('button', { name: 'Add fallback' }).click();
  await page.getByRole('textbox', { name: 'Fallback model 1' }).fill('amazon.nova-lite-v1:0');
  await page.locator('#commit-message').fill('Look orders up with a tool');
  await page.getByRole('button', { name: 'Save version' }).click();
  // The server compiles the schema: a bad one is refused and shown on its field.
  await expect(page.locator('#output-schema-error')).toContainText(/schema/i);
  await page.locator('#output-schema').fill('{"type": "object"}');
  await page.screenshot({ path: `${SHOTS}/bundle-editor.png`, fullPage: true });
  await page.getByRole('button', { name: 'Save version' }).click();
  await page.waitForURL(new RegExp(`/prompts/${name}/versions/2$`));
  await expect(page.getByTestId('version-bundle')).toContainText('lookup_order');
  await expect(page.getByTestId('version-bundle')).toContainText('after the system prompt');
  await page.screenshot({ path: `${SHOTS}/bundle-version.png`, fullPage: true });

  // Compare shows the bundle as a diff.
  await page.goto(`/prompts/${name}/compare?a=1&b=2`);
  await expect(page.getByTestId('diff-section').filter({ hasText: 'Tools' })).toContainText('lookup_order');

  // The playground runs it: the tool call, with its input, is shown.
  await page.goto(`/playground?prompt=${name}&version=2`);
  await expect(page.getByTestId('bundle-badges').first()).toContainText('1 tool');
  await page.locator('[data-variable="question"]').fill('Where is my order 1234?');
  await page.getByTestId('run-all').click();
  const column = page.getByTestId('run-column').first();
  await expect(column).toHaveAttribute('data-status', 'done');
  const call = column.getByTestId('tool-call');
  await expect(call).toContainText('lookup_order');
  await expect(call).toContainText('"orderId"');
  await expect(page.getByTestId('run-stop-reason').first()).toHaveText('tool_use');
  await page.screenshot({ path: `${SHOTS}/bundle-playground.png`, fullPage: true });

  // The logged invocation has it too.
  await column.getByTestId('run-invocation-link').click();
  await expect(page.getByTestId('tool-call')).toContainText('lookup_order');
  await expect(page.getByTestId('invocation-cache')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/bundle-invocation.png`, fullPage: true });

  // A phone: the editor and the playground fit.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/prompts/${name}/new`);
  await expect(page.getByTestId('tool-editor')).toHaveCount(1);
  await expectNoSideScroll(page);
  await page.screenshot({ path: `${SHOTS}/bundle-editor-phone.png`, fullPage: true });
  await page.goto(`/playground?prompt=${name}&version=2`);
  await page.locator('[data-variable="question"]').fill('Where is my order 1234?');
  await page.getByTestId('run-all').click();
  await expect(page.getByTestId('tool-call').first()).toBeVisible();
  await expectNoSideScroll(page);
  await page.screenshot({ path: `${SHOTS}/bundle-playground-phone.png`, fullPage: true });
});

test('an answer that breaks the output schema is shown as invalid_output in the playground', async ({ page, request }) => {
  const name = await makePrompt(request, 'e2e-invalid', { messages: ['{{question}}'] });
  const v = await request.post(`/api/v1/prompts/${name}/versions`, {
    headers: auth,
    data: { template: { messages: [{ role: 'user', content: '{{question}}' }] }, modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0', outputSchema: { type: 'object', required: ['answer'] } },
  });
  expect(v.status()).toBe(201);
  await signIn(page);
  await page.goto(`/playground?prompt=${name}&version=2`);
  await page.locator('[data-variable="question"]').fill('Tell me about gardens');
  await page.getByTestId('run-all').click();
  await expect(page.getByTestId('run-invalid-output')).toContainText('Invalid output');
  await page.screenshot({ path: `${SHOTS}/bundle-invalid-output.png`, fullPage: true });
});
