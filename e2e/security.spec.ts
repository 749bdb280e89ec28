import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { auth, signIn, uniquePromptName } from './helpers';

/**
 * The console works under its Content-Security-Policy: every page (found from the app/(console)
 * file tree) is visited signed in, and any CSP violation or console error about one fails the
 * test. The headers themselves are checked on pages, API responses and the serving fast path.
 */

/** Console routes from the file tree, e.g. /prompts/[name]/versions/[n]. */
function consoleRoutes(): string[] {
  const root = path.join(process.cwd(), 'app/(console)');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('page.tsx'))
    .map((f) => `/${path.dirname(f).split(path.sep).join('/')}`.replace(/\/\.$/, '') || '/')
    .sort();
}

async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load|apply)/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return problems;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

test('every console page renders and hydrates under the CSP with no violation', async ({ page, request }) => {
  test.setTimeout(240_000); // every console page (30+), each loaded and hydrated in turn
  // Data for every dynamic segment.
  const name = uniquePromptName('csp');
  expect((await request.post('/api/v1/prompts', { headers: auth, data: { name } })).status()).toBe(201);
  const version = { template: { messages: [{ role: 'user', content: 'Say {{word}}' }] }, modelId: 'amazon.nova-lite-v1:0', labels: ['production'] };
  expect((await request.post(`/api/v1/prompts/${name}/versions`, { headers: auth, data: version })).status()).toBe(201);
  // A second version must differ: one identical to its parent is not created.
  const second = { ...version, template: { messages: [{ role: 'user', content: 'Say {{word}} twice' }] }, labels: [] };
  expect((await request.post(`/api/v1/prompts/${name}/versions`, { headers: auth, data: second })).status()).toBe(201);
  const ingested = await request.post('/api/v1/invocations', { headers: auth, data: { modelId: 'amazon.nova-lite-v1:0', promptName: name, promptVersion: 1, input: { messages: [{ role: 'user', content: 'x' }] }, status: 'ok' } });
  const invocationId = ((await ingested.json()) as { ids: string[] }).ids[0]!;
  const dataset = uniquePromptName('ds');
  expect((await request.post('/api/v1/datasets', { headers: auth, data: { name: dataset } })).status()).toBe(201);
  expect((await request.post(`/api/v1/datasets/${dataset}/examples`, { headers: auth, data: { variables: { word: 'hi' }, expectedOutput: 'hi' } })).status()).toBe(201);
  const evaluators = [{ type: 'contains' }];
  const experiment = (await (await request.post('/api/v1/experiments', { headers: auth, data: { prompt: name, version: 1, dataset, evaluators } })).json()) as { id: string };
  const sweep = (await (await request.post('/api/v1/sweeps', { headers: auth, data: { prompt: name, version: 1, dataset, evaluators, grid: { temperature: [0, 1] } } })).json()) as { id: string };
  const deploy = (await (await request.post(`/api/v1/prompts/${name}/deploy-requests`, { headers: auth, data: { label: 'production', version: 2 } })).json()) as { id: string };
  const fill = (route: string) =>
    route
      .replace(/^\/prompts\/\[name\]/, `/prompts/${name}`)
      .replace(/^\/datasets\/\[name\]/, `/datasets/${dataset}`)
      .replace(/^\/logs\/\[id\]/, `/logs/${invocationId}`)
      .replace(/^\/experiments\/sweeps\/\[id\]/, `/experiments/sweeps/${sweep.id}`)
      .replace(/^\/experiments\/\[id\]/, `/experiments/${experiment.id}`)
      .replace(/^\/releases\/\[id\]/, `/releases/${deploy.id}`)
      .replace('[n]', '1');

  const problems = await watchCsp(page);
  // signed out: the sign-in page
  const login = await page.goto('/login');
  const csp = login!.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expectSecurityHeaders(login!.headers());
  await signIn(page);

  const routes = consoleRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(10);
  const nonces = new Set<string>();
  for (const route of routes) {
    const url = fill(route);
    expect(url, `no data for ${route}`).not.toContain('[');
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    const headers = res!.headers();
    expectSecurityHeaders(headers);
    nonces.add(/'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1] ?? '');
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main')).toBeVisible();
    expect(await violations(page), url).toEqual([]);
  }
  expect(nonces.size).toBe(routes.length); // a fresh nonce per request

  // Hydrated, and the theme script of next-themes runs under the nonce: the chosen theme is
  // applied by that inline script on the next load, before React starts.
  await page.goto('/prompts');
  await page.getByRole('radio', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('radio', { name: 'System theme' }).click();
  expect(await violations(page)).toEqual([]);
  // the metrics charts (recharts, inline styles) render
  await page.goto('/metrics');
  await page.waitForLoadState('networkidle');
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('API responses carry nosniff, including the serving fast path and the front server errors', async ({ request }) => {
  const name = uniquePromptName('hdr');
  expect((await request.post('/api/v1/prompts', { headers: auth, data: { name } })).status()).toBe(201);
  await request.post(`/api/v1/prompts/${name}/versions`, { headers: auth, data: { template: { messages: [{ role: 'user', content: 'x' }] }, modelId: 'amazon.nova-lite-v1:0', labels: ['production'] } });
  for (const url of ['/api/v1/prompts', `/api/v1/prompts/${name}`, `/api/v1/prompts/${name}`, '/api/v1/openapi.json', '/api/v1/no-such-thing']) {
    const res = await request.get(url, { headers: auth });
    expect(res.headers()['x-content-type-options'], url).toBe('nosniff');
  }
  // hostile URLs reach the real server as JSON 4xx, never Next's text/plain 500
  for (const url of ['/api/v1/invocations/%ZZ', '/api/v1/prompts/a%00b/versions']) {
    const res = await request.get(url, { headers: auth });
    expect(res.status(), url).toBe(400);
    expect(res.headers()['content-type']).toMatch(/^application\/json/);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_error');
  }
  const plain = await request.post('/api/v1/prompts', { headers: { ...auth, 'content-type': 'text/plain' }, data: JSON.stringify({ name: uniquePromptName('tp') }) });
  expect(plain.status()).toBe(415);
  const deep = await request.post('/api/v1/auth/session', { headers: { 'content-type': 'application/json' }, data: `${'['.repeat(6000)}${']'.repeat(6000)}` });
  expect(deep.status()).toBe(400);
});

test('a cross-site post with the admin cookie is refused (CSRF)', async ({ page }) => {
  await signIn(page);
  // From the console itself (same origin), the browser's fetch works...
  const own = await page.evaluate(async () => (await fetch('/api/v1/api-keys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `own-${Date.now()}`, role: 'viewer' }) })).status);
  expect(own).toBe(201);
  // ...the same request claiming another origin, with the session cookie, is not.
  const forged = await page.request.post('/api/v1/api-keys', { headers: { origin: 'http://evil.test', 'content-type': 'text/plain' }, data: JSON.stringify({ name: 'evil', role: 'admin' }) });
  expect(forged.status()).toBe(403);
  expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('csrf');
});
