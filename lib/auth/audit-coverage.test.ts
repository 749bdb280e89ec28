import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { operations } from '../openapi/operations';

/**
 * Every mutating operation of the API (POST, PUT, PATCH, DELETE in the OpenAPI operations) either
 * writes audit entries (the actions listed here, each of which some service writes with
 * `audit(...)`) or is exempt with a reason: typically because the change has a history of its
 * own with a typed actor (label history, invocations, feedback). A new mutating route fails this
 * test until it is classified.
 */
const AUDITED: Record<string, string[]> = {
  'PATCH /api/v1/prompts/{name}': ['prompt.update', 'prompt.archive', 'prompt.restore'],
  'DELETE /api/v1/prompts/{name}': ['prompt.delete'],
  'PUT /api/v1/settings/prices/{modelId}': ['price.set'],
  'DELETE /api/v1/settings/prices/{modelId}': ['price.reset'],
  'POST /api/v1/api-keys': ['api_key.create'],
  'DELETE /api/v1/api-keys/{id}': ['api_key.revoke'],
  'POST /api/v1/users': ['user.create'],
  'PATCH /api/v1/users/{id}': ['user.update'],
  'POST /api/v1/auth/setup': ['user.setup'],
  'POST /api/v1/webhooks': ['webhook.create'],
  'DELETE /api/v1/webhooks/{id}': ['webhook.delete'],
  'POST /api/v1/webhooks/{id}/test': ['webhook.test'],
  'PUT /api/v1/prompts/{name}/labels/{label}/policy': ['label_policy.set'],
  'POST /api/v1/prompts/{name}/deploy-requests': ['deploy_request.create'],
  'POST /api/v1/deploy-requests/{id}/approve': ['deploy_request.approve', 'deploy_request.stale'],
  'POST /api/v1/deploy-requests/{id}/reject': ['deploy_request.reject'],
  'PUT /api/v1/prompts/{name}/labels/{label}/canary': ['canary.start', 'canary.update'],
  'DELETE /api/v1/prompts/{name}/labels/{label}/canary': ['canary.stop'],
  'POST /api/v1/prompts/{name}/labels/{label}/canary/promote': ['canary.promote'],
  'POST /api/v1/datasets': ['dataset.create'],
  'PATCH /api/v1/datasets/{dataset}': ['dataset.update'],
  'DELETE /api/v1/datasets/{dataset}': ['dataset.delete'],
  'POST /api/v1/datasets/{dataset}/examples': ['dataset.examples.add'],
  'POST /api/v1/datasets/{dataset}/examples/from-invocations': ['dataset.examples.from_invocations'],
  'PATCH /api/v1/datasets/{dataset}/examples/{id}': ['dataset.example.update'],
  'DELETE /api/v1/datasets/{dataset}/examples/{id}': ['dataset.example.delete'],
  'POST /api/v1/datasets/{dataset}/import': ['dataset.import'],
  'POST /api/v1/experiments': ['experiment.create'],
  'POST /api/v1/experiments/{id}/cancel': ['experiment.cancel'],
  'POST /api/v1/sweeps': ['sweep.create', 'experiment.create'],
  'PUT /api/v1/prompts/{name}/suites/{suite}': ['suite.create', 'suite.update'],
  'DELETE /api/v1/prompts/{name}/suites/{suite}': ['suite.delete'],
  'POST /api/v1/prompts/{name}/suites/{suite}/runs': ['experiment.create'],
  'PUT /api/v1/metrics/quota-headroom/{modelId}': ['quota_override.set', 'quota_override.reset'],
  'POST /api/v1/import/bedrock-prompts': ['bedrock.import'],
  'POST /api/v1/prompts/{name}/versions/{version}/publish/bedrock': ['bedrock.publish'],
};

const LABEL_HISTORY = 'Recorded in the label history (action, from/to version, typed actor, reason), which GET .../history serves.';
const EXEMPT: Record<string, string> = {
  'POST /api/v1/prompts': 'The prompt row records createdBy with its typed actor; versions and labels have their own histories.',
  'POST /api/v1/prompts/{name}/versions': 'Versions are immutable records with createdBy (typed); labels they set are in the label history.',
  'PUT /api/v1/prompts/{name}/labels/{label}': LABEL_HISTORY,
  'DELETE /api/v1/prompts/{name}/labels/{label}': LABEL_HISTORY,
  'POST /api/v1/prompts/{name}/labels/{label}/rollback': LABEL_HISTORY,
  'POST /api/v1/prompts/{name}/render': 'Changes nothing (renders a template).',
  'POST /api/v1/prompts/{name}/invoke': 'Each call is an invocation record with its typed caller (the Logs).',
  'POST /api/v1/invocations': 'Reported calls are invocation records with their typed caller (the Logs).',
  'POST /api/v1/invocations/{id}/feedback': 'Feedback rows record their typed voter and caller.',
  'POST /api/v1/review-queue/{id}/resolve': 'The review item records closedBy (typed) and its revision.',
  'POST /api/v1/review-queue/{id}/dismiss': 'The review item records closedBy (typed) and its revision.',
  'POST /api/v1/review-queue/{id}/reopen': 'The review item records its state and revision.',
  'POST /api/v1/review-queue/{id}/assign': 'The review item records the assignee (typed).',
  'POST /api/v1/auth/session': 'Signing in changes no data (the session row and lastLoginAt are its record).',
  'DELETE /api/v1/auth/session': 'Signing out changes no data.',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('audit coverage', () => {
  const mutating = Object.keys(operations).filter((k) => !k.startsWith('GET '));

  it('classifies every mutating operation as audited or exempt (with a reason)', () => {
    const unclassified = mutating.filter((k) => !(k in AUDITED) && !(k in EXEMPT));
    expect(unclassified, 'mutating operations that neither write an audit entry nor are exempt').toEqual([]);
    expect(mutating.filter((k) => k in AUDITED && k in EXEMPT)).toEqual([]);
    expect(Object.keys({ ...AUDITED, ...EXEMPT }).filter((k) => !mutating.includes(k)), 'classified operations that no longer exist').toEqual([]);
    for (const reason of Object.values(EXEMPT)) expect(reason.length).toBeGreaterThan(10);
  });

  it('each audited action is written by a service with audit(...)', () => {
    const code = sources(path.join(process.cwd(), 'lib')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const missing = Object.values(AUDITED)
      .flat()
      .filter((action) => !new RegExp(`audit\\([^;]*'${action.replace('.', '\\.')}'`, 's').test(code) && !code.includes(`'${action}'`));
    expect(missing).toEqual([]);
  });
});
