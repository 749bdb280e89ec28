import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { ModelResult, ToolCall, Usage } from './bedrock';
import { ModelError, toModelError } from './errors';

export interface OpenStream {
  /**
   * Reads the stream to its end, passing text deltas on (and each tool call once its block
   * stopped); a mid-stream exception rejects.
   */
  consume(onDelta: (text: string) => void, onToolCall?: (call: ToolCall) => void): Promise<ModelResult>;
}

const aborted = (meta: { requestId: string | null; attempts: number }) =>
  new ModelError('aborted', 'ClientAborted', 'The caller stopped the stream before it ended.', meta.attempts, meta.requestId, null);

/** A tool input assembled from its toolUse deltas: JSON text, parsed at the block's stop. */
function parseToolInput(json: string): unknown {
  if (json.trim() === '') return {};
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json; // kept as received; the gateway's schema check will say it is not an object
  }
}

/**
 * ConverseStream events -> one ModelResult: text deltas concatenate; a tool use is a
 * contentBlockStart (toolUseId, name), toolUse.input deltas (JSON text in pieces) and a
 * contentBlockStop; messageStop has the stop reason, metadata the usage (with cache tokens).
 */
export function readConverseStream(
  stream: AsyncIterable<ConverseStreamOutput> | undefined,
  meta: { requestId: string | null; attempts: number },
  started: number,
  signal?: AbortSignal,
): OpenStream {
  return {
    async consume(onDelta, onToolCall) {
      let text = '';
      let ttft: number | null = null;
      let stopReason: string | null = null;
      let usage: Usage = { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 };
      const open = new Map<number, { name: string; toolUseId: string; json: string }>();
      const toolCalls: ToolCall[] = [];
      try {
        for await (const ev of stream ?? []) {
          const start = ev.contentBlockStart;
          if (start?.start?.toolUse) {
            ttft ??= Math.round(performance.now() - started);
            open.set(start.contentBlockIndex ?? 0, { name: start.start.toolUse.name ?? '', toolUseId: start.start.toolUse.toolUseId ?? '', json: '' });
          }
          const delta = ev.contentBlockDelta?.delta;
          if (delta && 'text' in delta && delta.text) {
            ttft ??= Math.round(performance.now() - started);
            text += delta.text;
            onDelta(delta.text);
          }
          if (delta && 'toolUse' in delta && delta.toolUse) {
            const block = open.get(ev.contentBlockDelta?.contentBlockIndex ?? 0);
            if (block) block.json += delta.toolUse.input ?? '';
          }
          if (ev.contentBlockStop) {
            const i = ev.contentBlockStop.contentBlockIndex ?? 0;
            const block = open.get(i);
            if (block) {
              open.delete(i);
              const call = { name: block.name, input: parseToolInput(block.json), toolUseId: block.toolUseId };
              toolCalls.push(call);
              onToolCall?.(call);
            }
          }
          if (ev.messageStop) stopReason = ev.messageStop.stopReason ?? null;
          const u = ev.metadata?.usage;
          if (u) {
            usage = {
              inputTokens: u.inputTokens ?? 0,
              outputTokens: u.outputTokens ?? 0,
              cacheReadInputTokens: u.cacheReadInputTokens ?? 0,
              cacheWriteInputTokens: u.cacheWriteInputTokens ?? 0,
            };
          }
        }
        // The caller went away: the SDK ends the stream quietly, but the answer is incomplete.
        if (signal?.aborted) throw aborted(meta);
      } catch (err) {
        const e = toModelError(signal?.aborted ? aborted(meta) : err, meta);
        e.partialText = text;
        e.timeToFirstTokenMs = ttft;
        throw e;
      }
      return { text, toolCalls, stopReason, usage, awsRequestId: meta.requestId, attempts: meta.attempts, timeToFirstTokenMs: ttft };
    },
  };
}
