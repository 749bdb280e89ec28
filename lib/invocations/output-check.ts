import type { ToolCall } from '../aws/bedrock';
import type { Tool } from '../catalog/bundle-schemas';
import { compileSchema, schemaErrors } from '../experiments/evaluators/json-schema';
import { extractJson } from '../experiments/evaluators/extract-json';

/**
 * Structured output: an answer with tool calls is checked call by call against each tool's
 * input schema; an answer in text must hold JSON (the whole text, a fenced block or an embedded
 * object, as the json_* evaluators find it) that satisfies the version's outputSchema. Without an
 * outputSchema, text is not checked. Returns why the output is invalid, or null.
 */
export function outputProblem(out: { text: string; toolCalls: readonly ToolCall[] }, spec: { outputSchema: unknown; tools: readonly Tool[] }): string | null {
  if (out.toolCalls.length > 0) {
    for (const call of out.toolCalls) {
      const tool = spec.tools.find((t) => t.name === call.name);
      if (!tool) return `The model called "${call.name}", which is not one of the version's tools.`;
      const c = compileSchema(tool.inputSchema);
      if (c.ok && !c.validate(call.input)) return `The input of tool "${call.name}" does not match its schema: ${schemaErrors(c.validate.errors)}`;
    }
    return null;
  }
  if (spec.outputSchema === null || spec.outputSchema === undefined) return null;
  const found = extractJson(out.text);
  if (!found.ok) return `The answer is not JSON (${found.reason}), but the version expects output matching its schema.`;
  const c = compileSchema(spec.outputSchema);
  if (!c.ok) return null; // checked when the version was created
  return c.validate(found.value) ? null : `The answer does not match the output schema: ${schemaErrors(c.validate.errors)}`;
}
