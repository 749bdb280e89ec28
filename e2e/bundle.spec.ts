import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { auth, expectNoSideScroll, makePrompt, SHOTS, signIn, uniquePromptName } from './helpers';

const ORDER_SCHEMA = JSON.stringify({ type: 'object', properties: { orderId: { type: 'integer' } }, required: ['orderId'] }, null, 2);

/**
 * An experiment on a small dataset (made through the API), started from the form, whose
 * json_field evaluator reads the tool call's input: the answer of a tool call is evaluated as
 * the JSON document {text, toolCalls: [{name, input}]} (docs/API.md, Bedrock bundle). One
 * example expects the wrong order number, so the run shows a failing verdict beside the passes.
 */
async function evaluateToolCallsInAnExperiment(page: Page, request: APIRequestContext, prompt: string): Promise<void> {
  const dataset = uniquePromptName('e2e-bundle-ds');
  expect((await request.post('/api/v1/datasets', { headers: auth, data: { name: dataset } })).status()).toBe(201);
  const want = (orderId: number) => JSON.stringify({ toolCalls: [{ name: 'lookup_order', input: { orderId } }] });
  const items = [
    { variables: { question: 'Where is my order 1234?' }, expectedOutput: want(1234) },
    { variables: { question: 'Has order 5678 shipped yet?' }, expectedOutput: want(5678) },
    { variables: { question: 'Can I still change order 42?' }, expectedOutput: want(24) },
  ];
  expect((await request.post(`/api/v1/datasets/${dataset}/examples`, { headers: auth, data: { items } })).status()).toBe(201);

  await page.goto(`/experiments/new?prompt=${prompt}&version=2&dataset=${dataset}`);
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(prompt);
  await expect(page.getByLabel('Version', { exact: true })).toHaveValue('version:2');
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue(dataset);
  // A choice made before the form hydrates is lost (hydration resets the field): redo it until it holds.
  await expect(async () => {
    await page.getByLabel('Evaluator 1', { exact: true }).selectOption('json_field');
    await expect(page.getByLabel('Field path', { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByLabel('Field path', { exact: true }).fill('toolCalls[0].input');
  await page.locator('#x-ev-0-name').fill('order lookup input');
  await page.getByRole('button', { name: 'Start experiment' }).click();

  await expect(page).toHaveURL(/\/experiments\/[^/]+$/);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  const rows = page.getByTestId('result-row');
  await expect(rows).toHaveCount(3);
  const row = (question: string) => rows.filter({ hasText: question });
  for (const [question, orderId] of [['order 1234', 1234], ['order 5678', 5678]] as const) {
    await expect(row(question)).toHaveAttribute('data-pass', 'true');
    await expect(row(question).getByTestId('actual-output')).toContainText('"lookup_order"');
    const verdict = row(question).getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-pass', 'true');
    await expect(verdict).toContainText('order lookup input');
    await expect(verdict).toContainText(`toolCalls[0].input is {"orderId":${orderId}}, as expected.`);
  }
  await expect(row('order 42')).toHaveAttribute('data-pass', 'false');
  await expect(row('order 42').getByTestId('verdict')).toContainText('Expected {"orderId":24} at toolCalls[0].input, got {"orderId":42}.');
  await expect(page.getByTestId('summary-pass-rate')).toContainText('66.7%');
  await page.screenshot({ path: `${SHOTS}/bundle-experiment.png`, fullPage: true });
}

test('a version with a tool and an output schema, made in the editor, runs in the playground, shows its tool call and is evaluated in an experiment', async ({ page, request }) => {
  test.setTimeout(180_000);
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

  // An experiment evaluates the tool call's input with json_field.
  await evaluateToolCallsInAnExperiment(page, request, name);

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
