import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { validationError } from '../errors';
import { evaluatedOutputOf } from '../experiments/evaluators/answer';
import { writeExamples, type NewExample } from './examples';
import type { AddedExamples } from './responses';
import { FromInvocationsSchema } from './schemas';
import { findDataset } from './service';

/**
 * POST .../examples/from-invocations {invocationIds, expectedOutput?, tags?}: one example per
 * invocation, in the order given: its variables, prompt and version, and as expected output
 * the value given or else the invocation's own output (its text, or the JSON document of its
 * tool calls that experiments evaluate: lib/experiments/evaluators/answer.ts). All or nothing;
 * an unknown id is a 400 naming its index.
 */
export async function addFromInvocations(ctx: ServiceContext, idOrName: string, raw: unknown): Promise<AddedExamples> {
  requirePermission(ctx.actor, 'feedback:review');
  const input = FromInvocationsSchema.parse(raw);
  const d = await findDataset(ctx, idOrName);
  const found = await ctx.db.invocation.findMany({
    where: { id: { in: input.invocationIds } },
    select: { id: true, promptName: true, promptVersion: true, variables: true, output: true },
  });
  const byId = new Map(found.map((f) => [f.id, f]));
  const missing = input.invocationIds.flatMap((id, i) => (byId.has(id) ? [] : [{ path: `invocationIds.${i}`, message: `No invocation has the id "${id}".` }]));
  if (missing.length) throw validationError(missing);
  const rows = input.invocationIds.map((id): NewExample => {
    const inv = byId.get(id)!;
    const vars = inv.variables && typeof inv.variables === 'object' && !Array.isArray(inv.variables) ? (inv.variables as Record<string, unknown>) : {};
    return {
      variables: vars,
      expectedOutput: input.expectedOutput ?? evaluatedOutputOf(inv.output),
      tags: input.tags ?? [],
      invocationId: id,
      promptName: inv.promptName,
      promptVersion: inv.promptVersion,
    };
  });
  return ctx.db.$transaction((tx) => writeExamples(tx, ctx.actor, d, rows, 'dataset.examples.from_invocations', { invocations: input.invocationIds.length }), { timeout: 60_000, maxWait: 15_000 });
}
