/**
 * bench/gateway: the overhead Promptdeck's gateway adds on top of the model call. The same
 * Converse call is made (1) directly with the AWS SDK to the local stand-in and (2) through
 * POST /api/v1/prompts/{name}/invoke on the production server (which calls the same stand-in),
 * sequentially, in the same run. Prints p50/p95 of both, the p50 difference and the ratio.
 * Budget (README, Benchmarks): under 15 ms at p50. The stand-in answers without artificial latency.
 * Usage: npm run build && npx tsx bench/gateway.ts [--requests 300]
 */
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { startAwsSim } from '../lib/aws-sim';
import { BENCH_KEY, fmt, startPromptdeck } from './lib';

const N = Number(process.argv[process.argv.indexOf('--requests') + 1]) || 300;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function main() {
  const sim = await startAwsSim({ config: { rpm: 1_000_000, tpm: 1_000_000_000 } });
  const app = await startPromptdeck(3240, { ...sim.clientEnv, PROMPTDECK_AWS_MODE: 'aws' });
  try {
    const headers = { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' };
    const version = (await (await fetch(`${app.url}/api/v1/prompts/comment-moderation`, { headers })).json()) as {
      modelId: string;
      template: { system?: string };
      params: { temperature?: number; maxTokens?: number };
    };
    const variables = { guideline: 'No insults, no spam, no personal data.', comment: 'The blender is loud but works well.' };
    const render = (await (await fetch(`${app.url}/api/v1/prompts/comment-moderation/render`, { method: 'POST', headers, body: JSON.stringify({ variables }) })).json()) as {
      system: string | null;
      messages: { role: 'user' | 'assistant'; content: string }[];
    };
    const client = new BedrockRuntimeClient({ endpoint: sim.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const direct = async () => {
      const t0 = performance.now();
      await client.send(
        new ConverseCommand({
          modelId: version.modelId,
          system: render.system ? [{ text: render.system }] : undefined,
          messages: render.messages.map((m) => ({ role: m.role, content: [{ text: m.content }] })),
          inferenceConfig: { temperature: version.params.temperature, maxTokens: version.params.maxTokens },
        }),
      );
      return performance.now() - t0;
    };
    const gateway = async () => {
      const t0 = performance.now();
      const r = await fetch(`${app.url}/api/v1/prompts/comment-moderation/invoke`, { method: 'POST', headers, body: JSON.stringify({ variables }) });
      if (r.status !== 200) throw new Error(`invoke answered ${r.status}: ${await r.text()}`);
      await r.arrayBuffer();
      return performance.now() - t0;
    };
    for (let i = 0; i < 30; i++) {
      await direct();
      await gateway();
    }
    const d: number[] = [];
    const g: number[] = [];
    for (let i = 0; i < N; i++) {
      d.push(await direct());
      g.push(await gateway());
    }
    const dp50 = pct(d, 50);
    const gp50 = pct(g, 50);
    console.log(`bench/gateway: ${N} sequential calls each, same stand-in, same prompt and variables`);
    console.log(`  direct SDK call      p50 ${fmt(dp50, 2)} ms   p95 ${fmt(pct(d, 95), 2)} ms`);
    console.log(`  through the gateway  p50 ${fmt(gp50, 2)} ms   p95 ${fmt(pct(g, 95), 2)} ms`);
    console.log(`  overhead at p50 ${fmt(gp50 - dp50, 2)} ms (budget < 15 ms: ${gp50 - dp50 < 15 ? 'met' : 'NOT met'}); ratio ${fmt(gp50 / dp50, 2)}`);
  } finally {
    await app.stop();
    await sim.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
