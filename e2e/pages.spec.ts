import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { auth, expectNoSideScroll, ingest, SHOTS, signIn, uniquePromptName } from './helpers';

/**
 * Every console page (found from the app/(console) file tree), visited once signed in:
 * - it renders and hydrates under the Content-Security-Policy: any violation, or a console error
 *   about one, fails the test; every response has a fresh nonce and the security headers;
 * - at desktop size (1440x900) and at phone size (390x844, the same page resized) nothing scrolls
 *   sideways; a screenshot of each size is kept for review (e2e/artifacts/screenshots);
 * - on a phone the menu button opens the same navigation.
 * One walk does all of this, so CI loads each page once.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

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

/** Data for every dynamic segment: a prompt with two versions, a call with feedback, a dataset, runs, a deploy request. */
async function seed(request: Parameters<typeof ingest>[0]) {
  const name = uniquePromptName('e2e-pages');
  expect((await request.post('/api/v1/prompts', { headers: auth, data: { name, description: 'Made by the pages spec' } })).status()).toBe(201);
  const version = { template: { messages: [{ role: 'user', content: 'Summarize this support ticket in two sentences: {{text}}' }] }, modelId: 'amazon.nova-lite-v1:0', labels: ['production'] };
  expect((await request.post(`/api/v1/prompts/${name}/versions`, { headers: auth, data: version })).status()).toBe(201);
  // A second version must differ: one identical to its parent is not created.
  const second = { ...version, template: { messages: [{ role: 'user', content: 'Summarize this support ticket in one sentence for the on-call engineer: {{text}}' }] }, labels: [] };
  expect((await request.post(`/api/v1/prompts/${name}/versions`, { headers: auth, data: second })).status()).toBe(201);
  const [invocationId] = await ingest(request, [{ promptName: name, promptVersion: 1, modelId: 'amazon.nova-lite-v1:0' }]);
  expect((await request.post(`/api/v1/invocations/${invocationId}/feedback`, { headers: auth, data: { score: -1, comment: 'Too long' } })).status()).toBe(201);
  const dataset = uniquePromptName('e2e-pages-ds');
  expect((await request.post('/api/v1/datasets', { headers: auth, data: { name: dataset, description: 'Made by the pages spec' } })).status()).toBe(201);
  expect((await request.post(`/api/v1/datasets/${dataset}/examples`, { headers: auth, data: { variables: { text: 'My order is late.' }, expectedOutput: 'late order' } })).status()).toBe(201);
  const evaluators = [{ type: 'contains' }];
  const experiment = (await (await request.post('/api/v1/experiments', { headers: auth, data: { prompt: name, version: 1, dataset, evaluators } })).json()) as { id: string };
  const sweep = (await (await request.post('/api/v1/sweeps', { headers: auth, data: { prompt: name, version: 1, dataset, evaluators, grid: { temperature: [0, 1] } } })).json()) as { id: string };
  const deploy = (await (await request.post(`/api/v1/prompts/${name}/deploy-requests`, { headers: auth, data: { label: 'production', version: 2 } })).json()) as { id: string };
  return { name, invocationId: invocationId!, dataset, experiment: experiment.id, sweep: sweep.id, deploy: deploy.id };
}

test('every console page: renders under the CSP, fits a phone and a desktop, screenshots of both', async ({ page, request }) => {
  test.setTimeout(300_000); // 25+ pages, each loaded, checked at two sizes and photographed twice
  const d = await seed(request);
  const fill = (route: string) =>
    route
      .replace(/^\/prompts\/\[name\]\/compare$/, `/prompts/${d.name}/compare?a=1&b=2`)
      .replace(/^\/prompts\/\[name\]/, `/prompts/${d.name}`)
      .replace(/^\/datasets\/\[name\]/, `/datasets/${d.dataset}`)
      .replace(/^\/logs\/\[id\]/, `/logs/${d.invocationId}`)
      .replace(/^\/experiments\/sweeps\/\[id\]/, `/experiments/sweeps/${d.sweep}`)
      .replace(/^\/experiments\/\[id\]/, `/experiments/${d.experiment}`)
      .replace(/^\/releases\/\[id\]/, `/releases/${d.deploy}`)
      .replace(/^\/playground$/, `/playground?prompt=${d.name}&version=1`)
      .replace(/^\/review$/, `/review?prompt=${d.name}`)
      .replace('[n]', '2');
  const shotName = (route: string) => route.replace(/^\//, '').replace(/\[|\]/g, '').replace(/\//g, '-') || 'home';

  const problems = await watchCsp(page);
  // Signed out: the sign-in page, with the policy itself checked.
  await page.setViewportSize(PHONE);
  const login = await page.goto('/login');
  const csp = login!.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expectSecurityHeaders(login!.headers());
  await expectNoSideScroll(page);
  await page.screenshot({ path: `${SHOTS}/phone-login.png` });
  await page.setViewportSize(DESKTOP);
  await signIn(page);

  const routes = consoleRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(20);
  const nonces = new Set<string>();
  const visits: [string, string][] = routes.map((r) => [shotName(r), fill(r)]);
  // A missing prompt: its page streams, so the status is sent before the prompt is looked up.
  visits.push(['not-found', `/prompts/${d.name}-missing`]);
  for (const [shot, url] of visits) {
    expect(url, `no data for ${url}`).not.toContain('[');
    await page.setViewportSize(DESKTOP);
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    const headers = res!.headers();
    expectSecurityHeaders(headers);
    nonces.add(/'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1] ?? '');
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main')).toBeVisible();
    if (shot === 'not-found') await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    expect(await violations(page), url).toEqual([]);
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/desktop-${shot}.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await expect(page.getByRole('button', { name: 'Open menu' })).toBeVisible();
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/phone-${shot}.png`, fullPage: true });
    expect(await violations(page), url).toEqual([]);
  }
  expect(nonces.size).toBe(visits.length); // a fresh nonce per request

  // On a phone the menu button opens the same navigation; choosing a page closes it.
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

  // Hydrated, and the theme script of next-themes runs under the nonce: the chosen theme is
  // applied by that inline script on the next load, before React starts.
  await page.setViewportSize(DESKTOP);
  await page.goto('/prompts');
  await page.getByRole('radio', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('radio', { name: 'System theme' }).click();
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
