import { expect, test } from '@playwright/test';
import { auth, signIn, uniquePromptName } from './helpers';

/**
 * Security headers on API responses and the serving fast path, hostile URLs and bodies, and
 * CSRF. Every console page under the CSP is walked in e2e/pages.spec.ts.
 */

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
