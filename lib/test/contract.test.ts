import { describe, expect, it } from 'vitest';
import { contractProblems, documentedPath } from './contract';

/** The checker every API test runs on every response must itself be able to fail. */
const JSON_TYPE = 'application/json; charset=utf-8';
const res = (status: number, body: unknown, contentType = JSON_TYPE) => ({ status, contentType, text: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body) });

const ref = { type: 'user', id: 'u1', display: 'Ann' };
const label = { label: 'production', version: 2, previousVersion: 1, changed: true };
const event = { id: 1, label: 'production', action: 'deploy', fromVersion: null, toVersion: 1, actor: 'Ann', actorRef: ref, reason: '', at: '2026-12-01T10:00:00.000Z' };

describe('contractProblems', () => {
  it('matches concrete paths to the most specific template', () => {
    expect(documentedPath('/api/v1/prompts/p1/labels/production/rollback')).toBe('/api/v1/prompts/{name}/labels/{label}/rollback');
    expect(documentedPath('/api/v1/prompts/p1')).toBe('/api/v1/prompts/{name}');
    expect(documentedPath('/api/v1/nope/x')).toBeNull();
  });

  it('accepts a conforming body, including a null typed actor', () => {
    expect(contractProblems('PUT', '/api/v1/prompts/p/labels/production', res(200, label))).toEqual([]);
    const page = { items: [event, { ...event, id: 2, actorRef: null, actor: 'demo-seed' }], nextCursor: null };
    expect(contractProblems('GET', '/api/v1/prompts/p/history?limit=2', res(200, page))).toEqual([]);
  });

  it('refuses undocumented paths, methods and statuses', () => {
    expect(contractProblems('GET', '/api/v1/unknown', res(200, {}))[0]).toMatch(/no path in the OpenAPI document/);
    expect(contractProblems('PATCH', '/api/v1/prompts/p/labels/x', res(200, label))[0]).toMatch(/no PATCH operation/);
    expect(contractProblems('PUT', '/api/v1/prompts/p/labels/x', res(418, { error: { code: 'x', message: 'y' } }))[0]).toMatch(/status 418 is not documented/);
  });

  it('refuses missing, mistyped and undocumented fields, and bad formats', () => {
    const { previousVersion: _drop, ...missing } = label;
    expect(contractProblems('PUT', '/api/v1/prompts/p/labels/x', res(200, missing)).join()).toMatch(/previousVersion/);
    expect(contractProblems('PUT', '/api/v1/prompts/p/labels/x', res(200, { ...label, version: '2' })).join()).toMatch(/\/version must be integer/);
    expect(contractProblems('PUT', '/api/v1/prompts/p/labels/x', res(200, { ...label, extra: 1 })).join()).toMatch(/additional properties \(extra\)/);
    const badTime = { items: [{ ...event, at: 'yesterday' }], nextCursor: null };
    expect(contractProblems('GET', '/api/v1/prompts/p/history', res(200, badTime)).join()).toMatch(/\/items\/0\/at must match format "date-time"/);
    const badRef = { items: [{ ...event, actorRef: { type: 'robot', id: 'x', display: 'x' } }], nextCursor: null };
    expect(contractProblems('GET', '/api/v1/prompts/p/history', res(200, badRef)).join()).toMatch(/actorRef/);
  });

  it('checks errors against the error schema, and bodies against "no body"', () => {
    expect(contractProblems('PUT', '/api/v1/prompts/p/labels/x', res(409, { error: { code: 'label_conflict', message: 'm', details: { currentVersion: 1 } } }))).toEqual([]);
    expect(contractProblems('PUT', '/api/v1/prompts/p/labels/x', res(409, { code: 'label_conflict' })).join()).toMatch(/required property 'error'/);
    expect(contractProblems('DELETE', '/api/v1/prompts/p/labels/x', res(204, undefined, ''))).toEqual([]);
    expect(contractProblems('DELETE', '/api/v1/prompts/p/labels/x', res(204, { ok: true }))[0]).toMatch(/describes none/);
    expect(contractProblems('PUT', '/api/v1/prompts/p/labels/x', res(200, '<html>', 'text/html'))[0]).toMatch(/content type "text\/html" is not documented/);
  });

  it('checks the events of a stream: done against the JSON answer, error against the error schema', () => {
    const done = { invocationId: 'i', version: 1, canary: false, modelId: 'm', output: { text: 'hi' }, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 }, latencyMs: 5, timeToFirstTokenMs: 2, costUsd: null };
    const sse = (events: [string, unknown][]) => res(200, events.map(([e, d]) => `event: ${e}\ndata: ${JSON.stringify(d)}\n\n`).join(''), 'text/event-stream; charset=utf-8');
    expect(contractProblems('POST', '/api/v1/prompts/p/invoke', sse([['delta', { text: 'h' }], ['done', done]]))).toEqual([]);
    expect(contractProblems('POST', '/api/v1/prompts/p/invoke', sse([['done', { ...done, usage: null }]])).join()).toMatch(/\/usage must be object/);
    expect(contractProblems('POST', '/api/v1/prompts/p/invoke', sse([['error', { message: 'x' }]])).join()).toMatch(/error/);
  });

  it('lets a deliberately undocumented path answer only with the error shape', () => {
    expect(contractProblems('GET', '/api/v1/nope', res(404, { error: { code: 'not_found', message: 'No.' } }), { undocumented: true })).toEqual([]);
    expect(contractProblems('GET', '/api/v1/prompts', res(404, { error: { code: 'not_found', message: 'No.' } }), { undocumented: true })[0]).toMatch(/expected an undocumented path/);
  });
});
