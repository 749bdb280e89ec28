/**
 * What the evaluators see of a model's answer. A text answer is its text, unchanged. An answer
 * with tool calls (stopReason tool_use) is a JSON document of the answer, the invoke answer's
 * `output` without the call ids (they differ from call to call):
 *
 *   {"text": "<any text before the calls, often empty>", "toolCalls": [{"name": "...", "input": {...}}]}
 *
 * so `json_field` with path `toolCalls[0].input.orderId` (or `toolCalls[0].input`, or
 * `toolCalls[0].name`) checks a tool call against the same path of the expected output, and
 * `contains`, `regex`, `json_schema` and the judge's {{output}} read the same document. It is
 * compact (one line), as expected outputs are usually written (JSON Lines, CSV), so a run page's
 * word diff against one marks only what differs. No imports: datasets use it too.
 */
export interface AnswerOutput {
  text: string;
  toolCalls?: readonly { name: string; input: unknown }[] | null;
}

export function evaluatedOutput(out: AnswerOutput): string {
  if (!out.toolCalls?.length) return out.text;
  return JSON.stringify({ text: out.text, toolCalls: out.toolCalls.map((c) => ({ name: c.name, input: c.input })) });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The same from a stored invocation's `output` JSON (any shape); '' when it has none. */
export function evaluatedOutputOf(stored: unknown): string {
  if (!isRecord(stored)) return '';
  const text = typeof stored.text === 'string' ? stored.text : '';
  const calls = Array.isArray(stored.toolCalls) ? stored.toolCalls.filter(isRecord) : [];
  return evaluatedOutput({ text, toolCalls: calls.flatMap((c) => (typeof c.name === 'string' ? [{ name: c.name, input: c.input ?? {} }] : [])) });
}
