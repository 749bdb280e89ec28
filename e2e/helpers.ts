import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN, E2E_API_KEY } from '../playwright.config';

export const auth = { authorization: `Bearer ${E2E_API_KEY}` };

export function uniquePromptName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;
}

export async function servedVersion(request: APIRequestContext, name: string, label = 'production'): Promise<number> {
  const r = await request.get(`/api/v1/prompts/${name}?label=${label}`, { headers: auth });
  if (!r.ok()) throw new Error(`serve ${name}@${label}: ${r.status()} ${await r.text()}`);
  return ((await r.json()) as { version: number }).version;
}

export async function signIn(page: Page, who: { email: string; password: string } = E2E_ADMIN): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/prompts$/);
}
