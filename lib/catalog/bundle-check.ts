import { compileSchema } from '../experiments/evaluators/json-schema';
import { validationError } from '../errors';
import { bundleIssues, normaliseBundle, type Bundle, type BundleInput } from './bundle-schemas';

/**
 * Checks a version's bundle before anything is written: the cross-field rules of
 * bundle-schemas.ts and every JSON Schema compiled with Ajv (draft 2020-12, strict), so an
 * unknown keyword or a bad type is a 400 naming the field, not a failure at call time.
 */
export function checkBundle(b: BundleInput, ctx: { modelId: string; hasSystem: boolean; messageCount: number }): Bundle {
  const issues = bundleIssues(b, ctx);
  (b.tools ?? []).forEach((t, i) => {
    if (t.inputSchema.type !== 'object') issues.push({ path: `tools.${i}.inputSchema.type`, message: 'A tool input schema describes an object: "type": "object".' });
    const c = compileSchema(t.inputSchema);
    if (!c.ok) issues.push({ path: `tools.${i}.inputSchema`, message: c.message });
  });
  if (b.outputSchema !== undefined && b.outputSchema !== null) {
    const c = compileSchema(b.outputSchema);
    if (!c.ok) issues.push({ path: 'outputSchema', message: c.message });
  }
  if (issues.length) throw validationError(issues);
  return normaliseBundle(b);
}
