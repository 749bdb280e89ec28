import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/auth/api-keys';
import { createPrompt } from '@/lib/catalog/prompts';
import { createVersion } from '@/lib/catalog/versions';
import { setGateRunSourceForTests } from '@/lib/releases/gate';
import { call, expectApiError, expectFields, startApi, type ApiEnv, type ApiResponse } from '@/lib/test/api';
import { ctxFor, uniqueName } from '@/lib/test/db';
import { versionBody } from '@/lib/test/helpers';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/** Label policies and deploy requests over the HTTP route handlers: every rule, and the races. */
let api: ApiEnv;
let r: Routes;
let rr: {
  policy: typeof import('@/app/api/v1/prompts/[name]/labels/[label]/policy/route');
  policies: typeof import('@/app/api/v1/prompts/[name]/policies/route');
  create: typeof import('@/app/api/v1/prompts/[name]/deploy-requests/route');
  list: typeof import('@/app/api/v1/deploy-requests/route');
  one: typeof import('@/app/api/v1/deploy-requests/[id]/route');
  approve: typeof import('@/app/api/v1/deploy-requests/[id]/approve/route');
  reject: typeof import('@/app/api/v1/deploy-requests/[id]/reject/route');
};
/** A second and third deployer (the role tokens give one key per role). */
let deployer2: string;
let deployer3: string;

beforeAll(async () => {
  api = await startApi();
  r = await loadRoutes();
  rr = {
    policy: await import('@/app/api/v1/prompts/[name]/labels/[label]/policy/route'),
    policies: await import('@/app/api/v1/prompts/[name]/policies/route'),
    create: await import('@/app/api/v1/prompts/[name]/deploy-requests/route'),
    list: await import('@/app/api/v1/deploy-requests/route'),
    one: await import('@/app/api/v1/deploy-requests/[id]/route'),
    approve: await import('@/app/api/v1/deploy-requests/[id]/approve/route'),
    reject: await import('@/app/api/v1/deploy-requests/[id]/reject/route'),
  };
  deployer2 = (await createApiKey(ctxFor(api.t.db, 'admin'), { name: uniqueName('dep2'), role: 'deployer' })).key;
  deployer3 = (await createApiKey(ctxFor(api.t.db, 'admin'), { name: uniqueName('dep3'), role: 'deployer' })).key;
});
afterAll(async () => {
  await api?.close();
});
afterEach(() => setGateRunSourceForTests(undefined));

async function promptWith(n: number, production?: number): Promise<string> {
  const name = uniqueName('rel');
  await createPrompt(ctxFor(api.t.db, 'editor'), { name });
  for (let i = 0; i < n; i++) await createVersion(ctxFor(api.t.db, 'editor'), name, versionBody());
  if (production) expect((await putLabel(name, 'production', production)).status).toBe(200);
  return name;
}

const putLabel = (name: string, label: string, version: number, token = api.tokens.deployer) =>
  call(r.label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/${label}`, { token, params: { name, label }, body: { version } });
const rollback = (name: string, label: string, token = api.tokens.deployer) =>
  call(r.rollback.POST, 'POST', `/api/v1/prompts/${name}/labels/${label}/rollback`, { token, params: { name, label }, body: { reason: 'incident' } });
const setPolicy = (name: string, label: string, body: unknown, token = api.tokens.admin) =>
  call(rr.policy.PUT, 'PUT', `/api/v1/prompts/${name}/labels/${label}/policy`, { token, params: { name, label }, body });
const getPolicy = (name: string, label: string) => call(rr.policy.GET, 'GET', `/api/v1/prompts/${name}/labels/${label}/policy`, { token: api.tokens.viewer, params: { name, label } });
const request = (name: string, body: unknown, token = api.tokens.deployer) => call(rr.create.POST, 'POST', `/api/v1/prompts/${name}/deploy-requests`, { token, params: { name }, body });
const approve = (id: string, token: string, comment?: string) => call(rr.approve.POST, 'POST', `/api/v1/deploy-requests/${id}/approve`, { token, params: { id }, body: comment ? { comment } : {} });
const reject = (id: string, token: string, comment?: string) => call(rr.reject.POST, 'POST', `/api/v1/deploy-requests/${id}/reject`, { token, params: { id }, body: comment ? { comment } : {} });
const getOne = (id: string) => call(rr.one.GET, 'GET', `/api/v1/deploy-requests/${id}`, { token: api.tokens.viewer, params: { id } });
const history = async (name: string, label: string) =>
  (await call(r.labelHistory.GET, 'GET', `/api/v1/prompts/${name}/labels/${label}/history`, { token: api.tokens.viewer, params: { name, label } })).json.items as { action: string; toVersion: number; reason: string; deployRequestId: string | null }[];
const ok = (res: ApiResponse, status = 200) => {
  expect(res.status, res.text).toBe(status);
  return res.json;
};

describe('label policies', () => {
  it('GET answers the defaults until one is set; PUT is admin only, validated and audited', async () => {
    const name = await promptWith(1);
    expect(ok(await getPolicy(name, 'production'))).toMatchObject({ prompt: name, label: 'production', protected: false, approvals: 1, gate: null, updatedAt: null });
    expectApiError(await setPolicy(name, 'production', { protected: true }, api.tokens.deployer), 403, 'forbidden');
    expectFields(await setPolicy(name, 'production', { protected: true, approvals: 4 }), 'approvals');
    expectFields(await setPolicy(name, 'production', { protected: true, approvals: 0 }), 'approvals');
    expectFields(await setPolicy(name, 'production', { protected: true, gate: { dataset: 'd', minPassRate: 1.5 } }), 'gate.minPassRate');
    expectFields(await setPolicy(name, 'production', { protected: 'yes' }), 'protected');
    expectApiError(await setPolicy(name, 'latest', { protected: true }), 400, 'validation_error');
    expectApiError(await setPolicy('no-such-prompt', 'production', { protected: true }), 404, 'not_found');
    const set = ok(await setPolicy(name, 'production', { protected: true, approvals: 2, gate: { dataset: 'golden', minPassRate: 0.8 } }));
    expect(set).toMatchObject({ protected: true, approvals: 2, gate: { dataset: 'golden', minPassRate: 0.8 }, updatedByRef: { type: 'api_key' } });
    expect(ok(await getPolicy(name, 'production'))).toEqual(set);
    // Omitted fields keep their value; gate: null removes the gate.
    expect(ok(await setPolicy(name, 'production', { protected: false }))).toMatchObject({ protected: false, approvals: 2, gate: { dataset: 'golden' } });
    expect(ok(await setPolicy(name, 'production', { protected: true, gate: null }))).toMatchObject({ protected: true, approvals: 2, gate: null });
    const audits = await api.t.db.auditEvent.findMany({ where: { action: 'label_policy.set', target: `${name}/production` }, orderBy: { id: 'asc' } });
    expect(audits).toHaveLength(3);
    expect(audits[1]!.details).toMatchObject({ before: { protected: true, approvals: 2 }, after: { protected: false } });
    const list = ok(await call(rr.policies.GET, 'GET', `/api/v1/prompts/${name}/policies`, { token: api.tokens.viewer, params: { name } }));
    expect(list.items.map((p: { label: string }) => p.label)).toEqual(['production']);
  });

  it('a protected label refuses direct moves (409 approval_required) but rollback stays allowed and recorded', async () => {
    const name = await promptWith(3, 1);
    ok(await putLabel(name, 'production', 2));
    ok(await setPolicy(name, 'production', { protected: true }));
    expectApiError(await putLabel(name, 'production', 3), 409, 'approval_required');
    expectApiError(await putLabel(name, 'production', 3, api.tokens.admin), 409, 'approval_required');
    expectApiError(await call(r.label.DELETE, 'DELETE', `/api/v1/prompts/${name}/labels/production`, { token: api.tokens.deployer, params: { name, label: 'production' } }), 409, 'approval_required');
    expectApiError(await call(r.versions.POST, 'POST', `/api/v1/prompts/${name}/versions`, { token: api.tokens.deployer, params: { name }, body: { ...versionBody(), labels: ['production'] } }), 409, 'approval_required');
    // A no-op move is not a move.
    expect(ok(await putLabel(name, 'production', 2)).changed).toBe(false);
    expect(ok(await rollback(name, 'production'))).toMatchObject({ version: 1, previousVersion: 2 });
    expect((await history(name, 'production'))[0]).toMatchObject({ action: 'rollback', toVersion: 1, reason: 'incident' });
    // Other labels are not affected.
    ok(await putLabel(name, 'staging', 3));
  });
});

describe('deploy requests', () => {
  it('opens a request (editor and up): 201 with status open, no approvals and the gate evidence', async () => {
    const name = await promptWith(2, 1);
    ok(await setPolicy(name, 'production', { protected: true, gate: { dataset: 'golden', minPassRate: 0.9 } }));
    expectApiError(await request(name, { label: 'production', version: 2 }, api.tokens.viewer), 403, 'forbidden');
    expectFields(await request(name, { label: 'production' }), 'version');
    expectApiError(await request(name, { label: 'production', version: 9 }), 404, 'not_found');
    expectApiError(await request(name, { label: 'production', version: 1 }), 409, 'conflict');
    const dr = ok(await request(name, { label: 'production', version: 2, reason: 'better answers' }, api.tokens.editor), 201);
    expect(dr).toMatchObject({
      prompt: name,
      label: 'production',
      fromVersion: 1,
      toVersion: 2,
      status: 'open',
      reason: 'better answers',
      requestedByRef: { type: 'api_key' },
      approvals: [],
      approvalsNeeded: 1,
      evidence: { gate: { dataset: 'golden', minPassRate: 0.9, experimentId: null, passRate: null, passed: false } },
    });
    expect(ok(await getOne(dr.id))).toEqual(dr);
    const listed = ok(await call(rr.list.GET, 'GET', `/api/v1/deploy-requests?prompt=${name}&status=open`, { token: api.tokens.viewer }));
    expect(listed.items.map((x: { id: string }) => x.id)).toEqual([dr.id]);
    expect(ok(await call(rr.list.GET, 'GET', `/api/v1/deploy-requests?prompt=${name}&status=deployed`, { token: api.tokens.viewer })).items).toEqual([]);
    expectFields(await call(rr.list.GET, 'GET', '/api/v1/deploy-requests?status=bogus', { token: api.tokens.viewer }), 'status');
    expectApiError(await getOne('nope'), 404, 'not_found');
    expect(await api.t.db.auditEvent.count({ where: { action: 'deploy_request.create', target: dr.id } })).toBe(1);
  });

  it('two-person rule: the requester cannot approve (403 self_approval); editors cannot approve (403)', async () => {
    const name = await promptWith(2, 1);
    ok(await setPolicy(name, 'production', { protected: true }));
    const dr = ok(await request(name, { label: 'production', version: 2 }), 201);
    expectApiError(await approve(dr.id, api.tokens.deployer), 403, 'self_approval');
    expectApiError(await approve(dr.id, api.tokens.editor), 403, 'forbidden');
    expect(ok(await getOne(dr.id)).status).toBe('open');
  });

  it('moves the label once enough approvals are in: one approval per person, one history event naming the request', async () => {
    const name = await promptWith(2, 1);
    ok(await setPolicy(name, 'production', { protected: true, approvals: 2 }));
    const dr = ok(await request(name, { label: 'production', version: 2, reason: 'v2 is better' }), 201);
    expect(dr.approvalsNeeded).toBe(2);
    const first = ok(await approve(dr.id, deployer2, 'looks good'));
    expect(first).toMatchObject({ status: 'open', approvals: [{ comment: 'looks good', byRef: { type: 'api_key' } }] });
    expectApiError(await approve(dr.id, deployer2), 409, 'already_decided');
    const done = ok(await approve(dr.id, api.tokens.admin, 'ship it'));
    expect(done.status).toBe('deployed');
    expect(done.decidedAt).not.toBeNull();
    expect(done.approvals.map((a: { comment: string }) => a.comment)).toEqual(['looks good', 'ship it']);
    const served = ok(await call(r.prompt.GET, 'GET', `/api/v1/prompts/${name}`, { token: api.tokens.viewer, params: { name } }));
    expect(served.version).toBe(2);
    const events = await history(name, 'production');
    expect(events.filter((e) => e.deployRequestId === dr.id)).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'deploy', toVersion: 2, deployRequestId: dr.id });
    expect(events[0]!.reason).toContain(dr.id);
    expectApiError(await approve(dr.id, deployer3), 409, 'request_closed');
  });

  it('stale: the label moved since the request was opened -> 409 stale_request and status stale', async () => {
    const name = await promptWith(3, 1);
    ok(await putLabel(name, 'production', 2));
    ok(await setPolicy(name, 'production', { protected: true }));
    const dr = ok(await request(name, { label: 'production', version: 3 }), 201);
    ok(await rollback(name, 'production'));
    expect(ok(await getOne(dr.id)).labelMovedSince).toBe(true);
    const details = expectApiError(await approve(dr.id, api.tokens.admin), 409, 'stale_request');
    expect(details).toEqual({ fromVersion: 2, currentVersion: 1 });
    expect(ok(await getOne(dr.id)).status).toBe('stale');
    expectApiError(await approve(dr.id, deployer2), 409, 'request_closed');
  });

  it('gate re-checked at approval time: 409 gate_failed with the figures; passes once an experiment reaches minPassRate', async () => {
    const name = await promptWith(2, 1);
    ok(await setPolicy(name, 'production', { protected: true, gate: { dataset: 'golden', minPassRate: 0.8 } }));
    const dr = ok(await request(name, { label: 'production', version: 2 }), 201);
    expect(expectApiError(await approve(dr.id, api.tokens.admin), 409, 'gate_failed')).toMatchObject({ dataset: 'golden', minPassRate: 0.8, experimentId: null, passRate: null, passed: false });
    setGateRunSourceForTests(async (_db, q) => (q.prompt === name && q.version === 2 && q.dataset === 'golden' ? { experimentId: 'exp-1', passRate: 0.7 } : null));
    expect(expectApiError(await approve(dr.id, api.tokens.admin), 409, 'gate_failed')).toMatchObject({ experimentId: 'exp-1', passRate: 0.7, passed: false });
    expect(ok(await getOne(dr.id))).toMatchObject({ status: 'open', approvals: [] });
    setGateRunSourceForTests(async () => ({ experimentId: 'exp-2', passRate: 0.85 }));
    const done = ok(await approve(dr.id, api.tokens.admin));
    expect(done).toMatchObject({ status: 'deployed', evidence: { gate: { experimentId: 'exp-2', passRate: 0.85, passed: true } } });
  });

  it('reject closes it with the comment; the requester may withdraw; decided requests cannot be approved', async () => {
    const name = await promptWith(3, 1);
    const a = ok(await request(name, { label: 'production', version: 2 }, api.tokens.editor), 201);
    expectApiError(await reject(a.id, api.tokens.viewer), 403, 'forbidden');
    const rejected = ok(await reject(a.id, deployer2, 'not before the launch'));
    expect(rejected).toMatchObject({ status: 'rejected', rejection: { comment: 'not before the launch' } });
    expectApiError(await approve(a.id, api.tokens.admin), 409, 'request_closed');
    const b = ok(await request(name, { label: 'production', version: 3 }, api.tokens.editor), 201);
    expect(ok(await reject(b.id, api.tokens.editor, 'withdrawn')).status).toBe('rejected');
    expect(await api.t.db.auditEvent.count({ where: { action: 'deploy_request.reject', target: { in: [a.id, b.id] } } })).toBe(2);
  });

  it('race: two approvals at once deploy exactly once', async () => {
    for (let i = 0; i < 4; i++) {
      const name = await promptWith(2, 1);
      ok(await setPolicy(name, 'production', { protected: true }));
      const dr = ok(await request(name, { label: 'production', version: 2 }), 201);
      const results = await Promise.all([approve(dr.id, api.tokens.admin), approve(dr.id, deployer2), approve(dr.id, deployer3)]);
      const statuses = results.map((x) => x.status).sort();
      expect(statuses).toEqual([200, 409, 409]);
      for (const x of results.filter((y) => y.status === 409)) expect(x.json.error.code).toBe('request_closed');
      const events = await history(name, 'production');
      expect(events.filter((e) => e.action === 'deploy' && e.toVersion === 2)).toHaveLength(1);
      expect(ok(await getOne(dr.id))).toMatchObject({ status: 'deployed', approvals: [expect.anything()] });
    }
  });

  it('race: an approval against a direct rollback ends in one consistent order', async () => {
    for (let i = 0; i < 4; i++) {
      const name = await promptWith(3, 1);
      ok(await putLabel(name, 'production', 2));
      ok(await setPolicy(name, 'production', { protected: true }));
      const dr = ok(await request(name, { label: 'production', version: 3 }), 201);
      const [ap, rb] = await Promise.all([approve(dr.id, api.tokens.admin), rollback(name, 'production', deployer2)]);
      expect(rb.status, rb.text).toBe(200);
      const events = (await history(name, 'production')).slice(0, 2);
      const final = ok(await getOne(dr.id));
      if (ap.status === 200) {
        // Approval first: deployed 2 -> 3, then the rollback took it back to 2.
        expect(final.status).toBe('deployed');
        expect(events.map((e) => [e.action, e.toVersion])).toEqual([['rollback', 2], ['deploy', 3]]);
        expect(rb.json).toMatchObject({ version: 2, previousVersion: 3 });
      } else {
        // Rollback first: 2 -> 1, the request is stale and nothing was deployed.
        expect(ap.json.error.code).toBe('stale_request');
        expect(final.status).toBe('stale');
        expect(events[0]).toMatchObject({ action: 'rollback', toVersion: 1 });
        expect((await history(name, 'production')).some((e) => e.deployRequestId === dr.id)).toBe(false);
      }
    }
  });

  it('publishes deploy_request.created and deploy_request.decided to subscribed webhooks (outbox rows)', async () => {
    const hook = await api.t.db.webhook.create({ data: { url: 'https://hooks.example.com/x', events: ['deploy_request.created', 'deploy_request.decided'], secretCiphertext: 'v1.x.y.z', createdBy: 'test' } });
    const name = await promptWith(2, 1);
    const dr = ok(await request(name, { label: 'production', version: 2 }), 201);
    ok(await approve(dr.id, api.tokens.admin));
    const rows = await api.t.db.webhookDelivery.findMany({ where: { webhookId: hook.id }, orderBy: { createdAt: 'asc' } });
    const bodies = rows.map((x) => JSON.parse(x.body));
    expect(bodies.map((b) => [b.event, b.data.id, b.data.status])).toEqual([
      ['deploy_request.created', dr.id, 'open'],
      ['deploy_request.decided', dr.id, 'deployed'],
    ]);
    await api.t.db.webhook.delete({ where: { id: hook.id } });
  });
});
