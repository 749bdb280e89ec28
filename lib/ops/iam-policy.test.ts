import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/iam-policy.json grants exactly the AWS calls the code makes: every SDK command or
 * paginator imported from an @aws-sdk/client-* package (outside tests and the local stand-in)
 * maps to an action in the policy, and the policy grants nothing the code does not call.
 */
const ROOT = process.cwd();
const SERVICE_PREFIX: Record<string, string> = {
  'client-bedrock': 'bedrock',
  'client-bedrock-runtime': 'bedrock',
  'client-bedrock-agent': 'bedrock',
  'client-cloudwatch': 'cloudwatch',
  'client-service-quotas': 'servicequotas',
};
/** SDK operations whose IAM action has another name. */
const ACTION_OF: Record<string, string> = { 'bedrock:Converse': 'bedrock:InvokeModel', 'bedrock:ConverseStream': 'bedrock:InvokeModelWithResponseStream' };
/** Actions the code needs without an SDK command of that name, with the code that needs them. */
const IMPLIED: Record<string, { file: string; pattern: RegExp }> = {
  // Converse with guardrailConfig (a version that names a guardrail) is authorised against the guardrail.
  'bedrock:ApplyGuardrail': { file: 'lib/aws/bedrock.ts', pattern: /guardrailConfig/ },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return ['generated', 'aws-sim', 'node_modules', 'test', 'testing'].includes(e.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function actionsTheCodeCalls(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of ['lib', 'app', 'scripts'].flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@aws-sdk\/(client-[a-z-]+)'/g)) {
      if (m[1]) continue; // type-only import
      const prefix = SERVICE_PREFIX[m[3]!];
      for (const raw of m[2]!.split(',').map((s) => s.trim()).filter(Boolean)) {
        if (raw.startsWith('type ')) continue;
        const name = raw.split(/\s+as\s+/)[0]!;
        const op = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
        if (!op) continue;
        expect(prefix, `${path.relative(ROOT, file)} imports from @aws-sdk/${m[3]}: add its IAM prefix to this test`).toBeDefined();
        const action = ACTION_OF[`${prefix}:${op}`] ?? `${prefix}:${op}`;
        found.set(action, path.relative(ROOT, file));
      }
    }
  }
  for (const [action, { file, pattern }] of Object.entries(IMPLIED)) if (pattern.test(readFileSync(path.join(ROOT, file), 'utf8'))) found.set(action, file);
  return found;
}

function actionsInPolicy(): string[] {
  const policy = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'iam-policy.json'), 'utf8')) as { Statement: { Effect: string; Action: string | string[]; Resource: string | string[] }[] };
  return policy.Statement.flatMap((s) => {
    expect(s.Effect).toBe('Allow');
    return Array.isArray(s.Action) ? s.Action : [s.Action];
  });
}

describe('docs/iam-policy.json', () => {
  it('grants each AWS call the code makes, and nothing else (least privilege, no wildcards in actions)', () => {
    const called = actionsTheCodeCalls();
    const granted = actionsInPolicy();
    expect(called.size).toBeGreaterThanOrEqual(10);
    for (const [action, file] of called) expect(granted, `${file} calls ${action}`).toContain(action);
    expect(granted.filter((a) => !called.has(a)), 'granted but never called').toEqual([]);
    expect(granted.filter((a) => a.includes('*'))).toEqual([]);
    expect(new Set(granted).size).toBe(granted.length);
  });
});
