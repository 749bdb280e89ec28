import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN, E2E_API_KEY } from '../playwright.config';

/**
 * Every spec makes its own data through the API (unique names) or only reads data nobody
 * changes, so specs do not depend on one another's data or order.
 */
export const auth = { authorization: `Bearer ${E2E_API_KEY}` };
export const SHOTS = 'e2e/artifacts/screenshots';
export const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';

export function uniquePromptName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;
}

export async function servedVersion(request: APIRequestContext, name: string, label = 'production'): Promise<number> {
  const r = await request.get(`/api/v1/prompts/${name}?label=${label}`, { headers: auth });
  if (!r.ok()) throw new Error(`serve ${name}@${label}: ${r.status()} ${await r.text()}`);
  return ((await r.json()) as { version: number }).version;
}

async function ok(r: Awaited<ReturnType<APIRequestContext['post']>>, what: string): Promise<unknown> {
  if (!r.ok()) throw new Error(`${what}: ${r.status()} ${await r.text()}`);
  return r.status() === 204 ? undefined : r.json();
}

/**
 * A prompt of this spec's own: one version per entry of `messages` (each a user message with
 * {{text}}), labels set as given.
 */
export async function makePrompt(
  request: APIRequestContext,
  prefix: string,
  opts: { messages?: string[]; system?: string; labels?: Record<string, number>; tags?: string[]; description?: string } = {},
): Promise<string> {
  const name = uniquePromptName(prefix);
  await ok(await request.post('/api/v1/prompts', { headers: auth, data: { name, tags: opts.tags ?? ['e2e'], description: opts.description ?? `Made by the ${prefix} spec` } }), 'create prompt');
  for (const [i, content] of (opts.messages ?? ['Summarize: {{text}}']).entries()) {
    await ok(
      await request.post(`/api/v1/prompts/${name}/versions`, {
        headers: auth,
        data: { template: { ...(opts.system ? { system: opts.system } : {}), messages: [{ role: 'user', content }] }, modelId: MODEL, params: { temperature: 0.2, maxTokens: 200 }, commitMessage: `v${i + 1}` },
      }),
      'create version',
    );
  }
  for (const [label, version] of Object.entries(opts.labels ?? {})) {
    await ok(await request.put(`/api/v1/prompts/${name}/labels/${label}`, { headers: auth, data: { version } }), 'move label');
  }
  return name;
}

/** Invokes a prompt through the gateway (simulated Bedrock); returns the invocation id. */
export async function invoke(request: APIRequestContext, name: string, body: Record<string, unknown> = {}): Promise<string> {
  const r = (await ok(await request.post(`/api/v1/prompts/${name}/invoke`, { headers: auth, data: { variables: { text: 'The blender is loud but strong.' }, ...body } }), 'invoke')) as { invocationId: string };
  return r.invocationId;
}

/** Reports invocations as an application would; returns their ids. */
export async function ingest(request: APIRequestContext, items: Record<string, unknown>[]): Promise<string[]> {
  const full = items.map((i) => ({ modelId: MODEL, input: { messages: [{ role: 'user', content: 'Is this comment OK?' }] }, output: { text: 'Yes.' }, status: 'ok', ...i }));
  return ((await ok(await request.post('/api/v1/invocations', { headers: auth, data: { items: full } }), 'ingest')) as { ids: string[] }).ids;
}

/** A user with this role (unique email); returns the credentials. */
export async function makeUser(request: APIRequestContext, role: string, name = `E2E ${role}`): Promise<{ email: string; password: string; name: string }> {
  const who = { email: `${uniquePromptName(role)}@e2e.test`, password: `${role}-password-1x`, name };
  await ok(await request.post('/api/v1/users', { headers: auth, data: { ...who, role } }), 'create user');
  return who;
}

export async function signIn(page: Page, who: { email: string; password: string } = E2E_ADMIN, then: RegExp = /\/prompts$/): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(then);
}

/** The page does not scroll sideways (what a phone user would feel). */
export async function expectNoSideScroll(page: Page): Promise<void> {
  const m = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { scroll: el.scrollWidth, client: el.clientWidth };
  });
  expect(m.scroll, `page is ${m.scroll}px wide in a ${m.client}px viewport`).toBeLessThanOrEqual(m.client);
}
