import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectApiError, expectFields, startApi, type ApiEnv } from '@/lib/test/api';
import { uniqueName } from '@/lib/test/db';

/** GET /api/v1/audit: admin only, typed actors, filters, keyset pages, CSV export. */
let api: ApiEnv;
let route: typeof import('@/app/api/v1/audit/route');
let keys: typeof import('@/app/api/v1/api-keys/route');
let whoami: typeof import('@/app/api/v1/auth/session/route');
beforeAll(async () => {
  api = await startApi();
  route = await import('@/app/api/v1/audit/route');
  keys = await import('@/app/api/v1/api-keys/route');
  whoami = await import('@/app/api/v1/auth/session/route');
});
afterAll(async () => {
  await api?.close();
});

const audit = (qs = '', token = api.tokens.admin) => call(route.GET, 'GET', `/api/v1/audit${qs}`, { token });

describe('GET /api/v1/audit', () => {
  it('is admin only', async () => {
    expectApiError(await audit('', api.tokens.deployer), 403, 'forbidden');
    expectApiError(await call(route.GET, 'GET', '/api/v1/audit', {}), 401, 'unauthorized');
  });

  it('lists newest first with typed actors; filters by actor, action (prefix*), time; pages with cursor', async () => {
    const names = [uniqueName('ak'), uniqueName('ak'), uniqueName('ak')];
    for (const name of names) expect((await call(keys.POST, 'POST', '/api/v1/api-keys', { token: api.tokens.admin, body: { name, role: 'viewer' } })).status).toBe(201);
    const me = (await call(whoami.GET, 'GET', '/api/v1/auth/session', { token: api.tokens.admin })).json;
    const all = (await audit('?action=api_key.create')).json.items as { at: string; actor: { type: string; id: string; display: string }; action: string; target: string; details: { name: string } }[];
    expect(all.slice(0, 3).map((e) => e.details.name)).toEqual([...names].reverse());
    expect(all[0]!.actor).toMatchObject({ type: 'api_key' });
    const actorId = all[0]!.actor.id;
    expect(me).toBeTruthy();
    expect((await audit(`?actor=${actorId}&action=api_key.create`)).json.items.length).toBeGreaterThanOrEqual(3);
    expect((await audit(`?actor=api_key:${actorId}&action=api_key.create`)).json.items.length).toBeGreaterThanOrEqual(3);
    expect((await audit(`?actor=user:${actorId}`)).json.items).toEqual([]);
    expect((await audit('?action=api_key.*')).json.items.length).toBeGreaterThanOrEqual(3);
    expect((await audit('?from=2999-01-01T00:00:00Z')).json.items).toEqual([]);
    expect((await audit(`?to=${encodeURIComponent(all[2]!.at)}&action=api_key.create`)).json.items.every((e: { at: string }) => e.at < all[2]!.at)).toBe(true);
    const p1 = (await audit('?limit=2&action=api_key.create')).json;
    expect(p1.items).toHaveLength(2);
    const p2 = (await audit(`?limit=2&action=api_key.create&cursor=${p1.nextCursor}`)).json;
    expect(p2.items[0].details.name).toBe(all[2]!.details.name);
    expectFields(await audit('?from=yesterday'), 'from');
    expectApiError(await audit('?cursor=garbage'), 400, 'validation_error');
  });

  it('exports CSV with the same filters (formula-looking text neutralised)', async () => {
    const evil = `=cmd-${uniqueName('x')}`.slice(0, 60);
    await call(keys.POST, 'POST', '/api/v1/api-keys', { token: api.tokens.admin, body: { name: evil, role: 'viewer' } });
    const res = await audit('?format=csv&action=api_key.create');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="promptdeck-audit-/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('at,actor_type,actor_id,actor,action,target,details');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.slice(1).every((l) => l.includes(',api_key.create,'))).toBe(true);
    expect(lines[1]).toContain('api_key,');
    expect(res.text).toContain(`""name"":""${evil}""`);
    const { csvField } = await import('@/lib/auth/audit-csv');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('a,b')).toBe('"a,b"');
    expectApiError(await audit('?format=csv', api.tokens.editor), 403, 'forbidden');
  });
});
