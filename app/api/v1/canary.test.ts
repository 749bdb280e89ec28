import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import { call, expectApiError, expectFields, startApi, type ApiEnv } from '@/lib/test/api';
import { ctxFor, uniqueName } from '@/lib/test/db';
import { versionBody } from '@/lib/test/helpers';
import { createPrompt } from '@/lib/catalog/prompts';
import { createVersion } from '@/lib/catalog/versions';
import { moveLabel } from '@/lib/catalog/labels';
import { putLabelPolicy } from '@/lib/releases/policies';
import { approveDeployRequest, createDeployRequest } from '@/lib/releases/deploy-requests';

/** Canaries over the HTTP route handlers; every answer is checked against the OpenAPI document. */
let api: ApiEnv;
let canary: typeof import('@/app/api/v1/prompts/[name]/labels/[label]/canary/route');
let promote: typeof import('@/app/api/v1/prompts/[name]/labels/[label]/canary/promote/route');
let labels: typeof import('@/app/api/v1/prompts/[name]/labels/route');
let label: typeof import('@/app/api/v1/prompts/[name]/labels/[label]/route');
let prompt: typeof import('@/app/api/v1/prompts/[name]/route');
let history: typeof import('@/app/api/v1/prompts/[name]/labels/[label]/history/route');
beforeAll(async () => {
  api = await startApi();
  canary = await import('@/app/api/v1/prompts/[name]/labels/[label]/canary/route');
  promote = await import('@/app/api/v1/prompts/[name]/labels/[label]/canary/promote/route');
  labels = await import('@/app/api/v1/prompts/[name]/labels/route');
  label = await import('@/app/api/v1/prompts/[name]/labels/[label]/route');
  prompt = await import('@/app/api/v1/prompts/[name]/route');
  history = await import('@/app/api/v1/prompts/[name]/labels/[label]/history/route');
});
afterAll(async () => {
  await api?.close();
});

async function deployed(): Promise<string> {
  const name = uniqueName('capi');
  await createPrompt(ctxFor(api.t.db, 'editor'), { name });
  for (let i = 0; i < 3; i++) await createVersion(ctxFor(api.t.db, 'editor'), name, versionBody());
  await moveLabel(ctxFor(api.t.db, 'deployer'), name, 'production', { version: 1 });
  return name;
}

const path = (name: string, rest = '') => `/api/v1/prompts/${name}/labels/production/canary${rest}`;
const opts = (name: string, role: Role, body?: unknown) => ({ token: api.tokens[role], params: { name, label: 'production' }, body });

describe('/api/v1/prompts/{name}/labels/{label}/canary', () => {
  it('deployer starts (200), everyone reads it on the labels and the canary, serving says canary per stickyKey, stop (200)', async () => {
    const name = await deployed();
    expectApiError(await call(canary.PUT, 'PUT', path(name), opts(name, 'editor', { version: 2, weight: 10 })), 403, 'forbidden');
    const put = await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 2, weight: 50, guard: { minCalls: 20, maxLatencyP95Ratio: 2 } }));
    expect(put.status, put.text).toBe(200);
    expect(put.json.canary).toMatchObject({ version: 2, baselineVersion: 1, weight: 50, guard: { minCalls: 20, maxLatencyP95Ratio: 2, windowSeconds: 900 } });
    const list = await call(labels.GET, 'GET', `/api/v1/prompts/${name}/labels`, { token: api.tokens.viewer, params: { name } });
    expect(list.json.items.find((l: { name: string }) => l.name === 'production').canary.version).toBe(2);
    const status = await call(canary.GET, 'GET', path(name), opts(name, 'viewer'));
    expect(status.json).toMatchObject({ canary: { version: 2 }, baseline: { version: 1, calls: 0 }, canarySide: { version: 2, calls: 0 }, guard: { state: 'waiting' } });
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const res = await call(prompt.GET, 'GET', `/api/v1/prompts/${name}?stickyKey=k${i}`, { token: api.tokens.viewer, params: { name } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-promptdeck-canary')).toBe(String(res.json.canary));
      expect(res.json.version).toBe(res.json.canary ? 2 : 1);
      seen.add(`${res.json.version}`);
    }
    expect(seen).toEqual(new Set(['1', '2']));
    expectFields(await call(prompt.GET, 'GET', `/api/v1/prompts/${name}?stickyKey=${'x'.repeat(201)}`, { token: api.tokens.viewer, params: { name } }), 'stickyKey');
    const del = await call(canary.DELETE, 'DELETE', path(name, '?reason=done'), opts(name, 'deployer'));
    expect(del.json).toEqual({ label: 'production', canary: null });
    expectApiError(await call(canary.DELETE, 'DELETE', path(name), opts(name, 'deployer')), 409, 'no_canary');
    expect((await call(canary.GET, 'GET', path(name), opts(name, 'viewer'))).json.canary).toBeNull();
  });

  it('400 on weight out of 1-50 and unknown fields; 404 unknown label; 409 canary_running', async () => {
    const name = await deployed();
    expectFields(await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 2, weight: 51 })), 'weight');
    expectFields(await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 2, weight: 0 })), 'weight');
    expectFields(await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 2 })), 'weight');
    expectApiError(await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 2, weight: 5, extra: 1 })), 400, 'validation_error');
    expectApiError(await call(canary.PUT, 'PUT', `/api/v1/prompts/${name}/labels/nope/canary`, { token: api.tokens.deployer, params: { name, label: 'nope' }, body: { version: 2, weight: 5 } }), 404, 'not_found');
    expect((await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 2, weight: 5 }))).status).toBe(200);
    expectApiError(await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 3, weight: 5 })), 409, 'canary_running');
  });

  it('promote: 409 label_conflict when the label moved; else moves it, recorded as canary_promote', async () => {
    const name = await deployed();
    await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 3, weight: 20 }));
    const moved = await call(label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/production`, opts(name, 'deployer', { version: 2 }));
    expect(moved.status).toBe(200);
    // The move ended the canary.
    expectApiError(await call(promote.POST, 'POST', path(name, '/promote'), opts(name, 'deployer', {})), 409, 'no_canary');
    await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 3, weight: 20 }));
    const details = expectApiError(await call(promote.POST, 'POST', path(name, '/promote'), opts(name, 'deployer', { expectedVersion: 1 })), 409, 'label_conflict');
    expect(details).toMatchObject({ currentVersion: 2 });
    expectApiError(await call(promote.POST, 'POST', path(name, '/promote'), opts(name, 'viewer', {})), 403, 'forbidden');
    const ok = await call(promote.POST, 'POST', path(name, '/promote'), opts(name, 'deployer', { expectedVersion: 2, expectedCanaryVersion: 3 }));
    expect(ok.json).toEqual({ label: 'production', version: 3, previousVersion: 2 });
    const h = await call(history.GET, 'GET', `/api/v1/prompts/${name}/labels/production/history`, opts(name, 'viewer'));
    expect(h.json.items.map((e: { action: string }) => e.action)).toEqual(['canary_promote', 'canary_start', 'deploy', 'canary_stop', 'canary_start', 'deploy']);
  });

  it('a protected label: start, ramp and stop stay with deployers; promote is refused (409 approval_required) naming the deploy request to open; the approved request ends the canary', async () => {
    const name = await deployed();
    await putLabelPolicy(ctxFor(api.t.db, 'admin'), name, 'production', { protected: true });
    const started = await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 3, weight: 10 }));
    expect(started.status, started.text).toBe(200);
    expect((await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 3, weight: 50 }))).status).toBe(200);
    for (const role of ['deployer', 'admin'] as const) {
      const refused = await call(promote.POST, 'POST', path(name, '/promote'), opts(name, role, { expectedVersion: 1, expectedCanaryVersion: 3 }));
      const details = expectApiError(refused, 409, 'approval_required');
      expect(details).toMatchObject({ label: 'production', approvals: 1, version: 3, deployRequest: { label: 'production', version: 3 } });
      expect(refused.json.error.message).toMatch(/open a deploy request for version 3/i);
    }
    // Nothing moved, the canary still runs.
    const served = await call(labels.GET, 'GET', `/api/v1/prompts/${name}/labels`, opts(name, 'viewer'));
    expect(served.json.items.find((l: { name: string }) => l.name === 'production')).toMatchObject({ version: 1, canary: { version: 3, weight: 50 } });
    // Stop is like a rollback: allowed.
    const stopped = await call(canary.DELETE, 'DELETE', path(name), opts(name, 'deployer'));
    expect(stopped.status, stopped.text).toBe(200);
    expect(stopped.json.canary).toBeNull();
    const h = await call(history.GET, 'GET', `/api/v1/prompts/${name}/labels/production/history`, opts(name, 'viewer'));
    expect(h.json.items.map((e: { action: string }) => e.action)).toEqual(['canary_stop', 'canary_start', 'canary_start', 'deploy']);
    // The way forward: a deploy request for the canary version; approved, it moves the label and ends the canary.
    expect((await call(canary.PUT, 'PUT', path(name), opts(name, 'deployer', { version: 3, weight: 20 }))).status).toBe(200);
    const req = await createDeployRequest(ctxFor(api.t.db, 'editor'), name, { label: 'production', version: 3 });
    expect(req).toMatchObject({ fromVersion: 1, toVersion: 3, status: 'open' });
    expect(await approveDeployRequest(ctxFor(api.t.db, 'deployer'), req.id, {})).toMatchObject({ status: 'deployed' });
    const after = await call(labels.GET, 'GET', `/api/v1/prompts/${name}/labels`, opts(name, 'viewer'));
    expect(after.json.items.find((l: { name: string }) => l.name === 'production')).toMatchObject({ version: 3, canary: null });
  });
});
