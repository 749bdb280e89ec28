import { existsSync } from 'node:fs';
import path from 'node:path';
import { env } from '../env';
import { simConfigFromEnv, simPromptsFromEnv, startAwsSim } from './index';

/**
 * For the launcher (scripts/run.ts): decides between real AWS and the local stand-in and, for
 * the stand-in, starts it and returns the environment the web server needs. `auto` picks AWS
 * when credentials (keys, profile, web identity, container role, ~/.aws files) and a region, or
 * explicit endpoints, are configured.
 */
export function awsConfigured(): boolean {
  const e = env();
  const endpoints = [e.AWS_ENDPOINT_URL, e.AWS_ENDPOINT_URL_BEDROCK_RUNTIME, e.AWS_ENDPOINT_URL_BEDROCK, e.AWS_ENDPOINT_URL_BEDROCK_AGENT, e.AWS_ENDPOINT_URL_SERVICE_QUOTAS, e.AWS_ENDPOINT_URL_CLOUDWATCH];
  if (endpoints.some(Boolean)) return true;
  const region = e.AWS_REGION ?? e.AWS_DEFAULT_REGION;
  const home = e.HOME ?? '';
  const files = home !== '' && (existsSync(path.join(home, '.aws', 'credentials')) || existsSync(path.join(home, '.aws', 'config')));
  const credentials = !!(e.AWS_ACCESS_KEY_ID || e.AWS_PROFILE || e.AWS_WEB_IDENTITY_TOKEN_FILE || e.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || e.AWS_CONTAINER_CREDENTIALS_FULL_URI || files);
  return credentials && (!!region || files);
}

export interface AwsSetup {
  simulated: boolean;
  env: Record<string, string>;
  log: string;
  stop(): Promise<void>;
}

export async function prepareAws(): Promise<AwsSetup> {
  const mode = env().PROMPTDECK_AWS_MODE;
  if (mode === 'aws' || (mode === 'auto' && awsConfigured())) {
    const e = env();
    return {
      simulated: false,
      env: { PROMPTDECK_AWS_SIMULATED: '0' },
      log: `AWS: real Amazon Bedrock, Service Quotas and CloudWatch (region ${e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? 'from the AWS config'})`,
      stop: async () => {},
    };
  }
  const sim = await startAwsSim({ port: 0, config: simConfigFromEnv(), prompts: simPromptsFromEnv() });
  return {
    simulated: true,
    env: { ...sim.clientEnv, PROMPTDECK_AWS_SIMULATED: '1' },
    log: `AWS: offline, simulated Bedrock, Service Quotas and CloudWatch at ${sim.url} (set AWS credentials and a region, or PROMPTDECK_AWS_MODE=aws, to use AWS)`,
    stop: () => sim.stop(),
  };
}
