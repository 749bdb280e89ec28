/**
 * Runs the local AWS stand-in for manual use: `npx tsx lib/aws-sim/main.ts [port]`.
 * Port: the argument, else PROMPTDECK_SIM_PORT (default 4599). Configuration: PROMPTDECK_SIM_*.
 */
import { simConfigFromEnv, simPortFromEnv, simPromptsFromEnv, startAwsSim } from './index';

async function main() {
  const arg = process.argv[2];
  const port = arg !== undefined ? Number(arg) : simPortFromEnv();
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${arg}`);
  const sim = await startAwsSim({ port, config: simConfigFromEnv(), prompts: simPromptsFromEnv() });
  console.log(`[aws-sim] Bedrock (runtime, control plane, Prompt Management), Service Quotas and CloudWatch stand-in on ${sim.url} (HTTP/1.1 and h2c)`);
  console.log('[aws-sim] point the AWS SDK at it with:');
  for (const [k, v] of Object.entries(sim.clientEnv)) console.log(`  export ${k}=${v}`);
  console.log(`[aws-sim] configuration: GET/POST ${sim.url}/__sim/config; served calls: GET ${sim.url}/__sim/calls`);
  const stop = () => {
    void sim.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`[aws-sim] could not start: ${(err as Error).message}`);
  process.exit(1);
});
