import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetEnvCache } from '../env';
import { awsConfigured } from './launch';

const AWS_VARS = [
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
  'AWS_ENDPOINT_URL_BEDROCK',
  'AWS_ENDPOINT_URL_BEDROCK_AGENT',
  'AWS_ENDPOINT_URL_SERVICE_QUOTAS',
  'AWS_ENDPOINT_URL_CLOUDWATCH',
];

function cleanEnv() {
  for (const k of AWS_VARS) vi.stubEnv(k, '');
  vi.stubEnv('HOME', mkdtempSync(path.join(tmpdir(), 'pd-home-')));
  resetEnvCache();
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe('awsConfigured', () => {
  it('is false with no credentials, region or endpoints', () => {
    cleanEnv();
    expect(awsConfigured()).toBe(false);
  });

  it.each(['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_BEDROCK', 'AWS_ENDPOINT_URL_BEDROCK_AGENT', 'AWS_ENDPOINT_URL_SERVICE_QUOTAS', 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME'])('is true when %s points somewhere', (name) => {
    cleanEnv();
    vi.stubEnv(name, 'http://127.0.0.1:4599');
    resetEnvCache();
    expect(awsConfigured()).toBe(true);
  });

  it('is true with credentials and a region', () => {
    cleanEnv();
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAEXAMPLE');
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    resetEnvCache();
    expect(awsConfigured()).toBe(true);
  });
});
