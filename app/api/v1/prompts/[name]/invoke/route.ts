import { handler } from '@/lib/http/handler';
import { errorPayload, json } from '@/lib/http/respond';
import { SSE_HEADERS, sseEvent } from '@/lib/http/sse';
import { prepareInvocation, runInvocation, startStreamingInvocation } from '@/lib/invocations/gateway';
import { InvokeQuerySchema } from '@/lib/invocations/schemas';

/**
 * Invoke a prompt version on Bedrock. JSON by default; with `stream: true`, server-sent events:
 * `delta` {text} events, `toolCall` events {name, input, toolUseId}, then `done` with the same object as
 * the JSON answer (or `error`, e.g. invalid_output).
 * `?source=playground` logs the call as a playground run; only honoured for browser sessions
 * (API keys always log as `api`).
 */
export const POST = handler<{ name: string }>(async ({ req, ctx, params, body, query }) => {
  const source = InvokeQuerySchema.parse(query).source === 'playground' && ctx.actor.kind === 'user' ? 'playground' : 'api';
  const prepared = await prepareInvocation(ctx, params.name, await body(), { source });
  if (!prepared.input.stream) return json(await runInvocation(prepared, req.signal));
  const started = await startStreamingInvocation(prepared, req.signal);
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        const result = await started.consume(
          (text) => controller.enqueue(sseEvent('delta', { text })),
          (call) => controller.enqueue(sseEvent('toolCall', call)),
        );
        controller.enqueue(sseEvent('done', result));
      } catch (err) {
        controller.enqueue(sseEvent('error', JSON.parse(errorPayload(err).body)));
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { status: 200, headers: SSE_HEADERS });
});
