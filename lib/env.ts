import { z } from 'zod';

/**
 * The only place that reads process.env. Parsed lazily (the launcher sets variables such as
 * DATABASE_URL before the app first asks) and validated with zod.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PROMPTDECK_DATA_DIR: z.string().min(1).default('.data'),
  PROMPTDECK_INIT_API_KEY: z.string().min(16, 'PROMPTDECK_INIT_API_KEY must be at least 16 characters').optional(),
  PROMPTDECK_INIT_ADMIN_EMAIL: z.email('PROMPTDECK_INIT_ADMIN_EMAIL must be an email address').optional(),
  PROMPTDECK_INIT_ADMIN_PASSWORD: z.string().min(8, 'PROMPTDECK_INIT_ADMIN_PASSWORD must be at least 8 characters').optional(),
  PROMPTDECK_SESSION_SECRET: z.string().min(32, 'PROMPTDECK_SESSION_SECRET must be at least 32 characters').optional(),
  /** Set by the launcher when it started the embedded database (shown in the UI). */
  PROMPTDECK_EMBEDDED_DB: z.enum(['0', '1']).default('0'),
  /** How often each instance checks whether labels moved elsewhere (ms). */
  PROMPTDECK_CACHE_POLL_MS: z.coerce.number().int().min(20).max(5000).default(250),
  /** Cookies are marked Secure unless this is false (local http use). */
  PROMPTDECK_SECURE_COOKIES: z.enum(['true', 'false', 'auto']).default('auto'),
  /**
   * The address users open, e.g. https://promptdeck.example.com: cookie-authenticated changes
   * must come from this origin (CSRF). Unset: the origin of the request's Host header (and of
   * X-Forwarded-Proto/-Host when PROMPTDECK_TRUST_PROXY says proxies are trusted).
   */
  PROMPTDECK_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'PROMPTDECK_PUBLIC_URL must be an http(s) URL such as https://promptdeck.example.com' })
    .optional(),
  /**
   * How many reverse proxies (load balancers) stand in front of the app and append to
   * X-Forwarded-For: 0 (default) trusts no X-Forwarded-* header and takes the client's address
   * from the socket; 1 takes the last X-Forwarded-For entry (the one your load balancer added).
   */
  PROMPTDECK_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  PROMPTDECK_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Connections of the background pool (experiment runs): requests never wait behind them for a connection. */
  PROMPTDECK_BACKGROUND_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(8),
  /** Background jobs (lib/jobs): `on` runs workers in this instance; `off` only enqueues (a web-only instance). */
  PROMPTDECK_JOBS: z.enum(['on', 'off']).default('on'),
  /** `on`: also work the diagnostic job `diagnostic.record` (checking that several instances run each job once; lib/ops/diagnostic-job.ts). */
  PROMPTDECK_DIAGNOSTIC_JOBS: z.enum(['on', 'off']).default('off'),
  /** How often an idle job worker looks for work (seconds). */
  PROMPTDECK_JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** Database connections of the job queue, per instance. */
  PROMPTDECK_JOBS_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(3),
  /**
   * Keep invocation logs this many days (at least; logs are dropped a whole month at a time, so up
   * to a month longer). Unset: keep every log. Checked hourly by the invocations.maintenance job.
   */
  PROMPTDECK_LOG_RETENTION_DAYS: z.coerce.number().int('PROMPTDECK_LOG_RETENTION_DAYS must be a whole number of days').min(1).max(36_500).optional(),
  /** How often the canary guard looks at running canaries (ms; lib/canary/guard-job.ts). */
  PROMPTDECK_GUARD_INTERVAL_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
  /** Webhooks (lib/webhooks): allow http: and loopback/private/link-local targets (tests, local set-ups only). */
  PROMPTDECK_WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  /** How long one webhook delivery attempt may take (ms). */
  PROMPTDECK_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(10_000),
  /** Delay before the first retry of a failed delivery (ms); each further retry waits twice as long. */
  PROMPTDECK_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
  /** Attempts per delivery, the first included (default 6: retries after 10 s, 20 s, 40 s, 80 s, 160 s). */
  PROMPTDECK_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /**
   * Apply pending migrations when the launcher starts: `auto` (default) does it for the embedded
   * database only; with DATABASE_URL, run `npm run db:migrate` once as a release step and the
   * launcher refuses to start while migrations are pending. `true` / `false` force it.
   */
  PROMPTDECK_MIGRATE_ON_START: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Bearer token for GET /metrics (Prometheus). Unset: /metrics answers local (loopback, unforwarded) requests only. */
  PROMPTDECK_METRICS_TOKEN: z.string().min(16, 'PROMPTDECK_METRICS_TOKEN must be at least 16 characters').optional(),
  /** On SIGTERM/SIGINT: how long running requests (SSE streams) and jobs may take to finish before the process exits (ms). */
  PROMPTDECK_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  /** Structured JSON logs (pino) on stdout: the lowest level written. `debug` adds one line per API request. */
  PROMPTDECK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long one Bedrock request may take before it is abandoned (ms). */
  /**
   * Experiments' assumed quota (requests/minute) for a model with no admin override and no
   * Service Quotas value; unset: the experiment limiter learns it from throttles.
   */
  PROMPTDECK_EXPERIMENT_DEFAULT_RPM: z.coerce.number().int().min(1).max(1_000_000).optional(),
  PROMPTDECK_BEDROCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(900_000).default(120_000),
  /** Set by the launcher when it started the local AWS stand-in (shown in the UI). */
  PROMPTDECK_AWS_SIMULATED: z.enum(['0', '1']).default('0'),
  /** `auto`: the local stand-in unless AWS credentials or endpoints are configured; `sim`; `aws`. */
  PROMPTDECK_AWS_MODE: z.enum(['auto', 'sim', 'aws']).default('auto'),

  /* The AWS SDK reads these itself; Promptdeck looks at them only to decide whether AWS is configured. */
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_PROFILE: z.string().optional(),
  AWS_WEB_IDENTITY_TOKEN_FILE: z.string().optional(),
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: z.string().optional(),
  AWS_CONTAINER_CREDENTIALS_FULL_URI: z.string().optional(),
  AWS_ENDPOINT_URL: z.string().optional(),
  AWS_ENDPOINT_URL_BEDROCK_RUNTIME: z.string().optional(),
  AWS_ENDPOINT_URL_BEDROCK: z.string().optional(),
  AWS_ENDPOINT_URL_BEDROCK_AGENT: z.string().optional(),
  AWS_ENDPOINT_URL_SERVICE_QUOTAS: z.string().optional(),
  AWS_ENDPOINT_URL_CLOUDWATCH: z.string().optional(),
  HOME: z.string().optional(),

  /* Local AWS stand-in (lib/aws-sim, dev and test only). Defaults suit the offline demo. */
  /** Port of `tsx lib/aws-sim/main.ts` (0 = any free port). */
  PROMPTDECK_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(4599),
  /** Requests per minute, per model id. */
  PROMPTDECK_SIM_RPM: z.coerce.number().int().min(0).default(600),
  /** Tokens (input + output) per minute, per model id. */
  PROMPTDECK_SIM_TPM: z.coerce.number().int().min(0).default(400_000),
  /** Simulated latency: before the answer or the first streamed delta (ms). */
  PROMPTDECK_SIM_LATENCY_MS: z.coerce.number().int().min(0).max(600_000).default(250),
  /** Simulated latency per output token of a Converse answer (ms). */
  PROMPTDECK_SIM_MS_PER_TOKEN: z.coerce.number().min(0).max(1000).default(4),
  /** Delay between two ConverseStream deltas (ms). */
  PROMPTDECK_SIM_STREAM_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(30),
  /** Fraction (0-1) of calls answered with PROMPTDECK_SIM_ERROR_TYPE. */
  PROMPTDECK_SIM_ERROR_RATE: z.coerce.number().min(0).max(1).default(0),
  PROMPTDECK_SIM_ERROR_TYPE: z.enum(['ServiceUnavailableException', 'InternalServerException']).default('ServiceUnavailableException'),
  /** Fraction (0-1) of calls that hang: held PROMPTDECK_SIM_HANG_MS, or never answered when unset. */
  PROMPTDECK_SIM_HANG_RATE: z.coerce.number().min(0).max(1).default(0),
  PROMPTDECK_SIM_HANG_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
  /** Fraction (0-1) of streams that break mid-way with PROMPTDECK_SIM_STREAM_ERROR_TYPE. */
  PROMPTDECK_SIM_STREAM_ERROR_RATE: z.coerce.number().min(0).max(1).default(0),
  PROMPTDECK_SIM_STREAM_ERROR_TYPE: z
    .enum(['throttlingException', 'modelStreamErrorException', 'internalServerException', 'serviceUnavailableException', 'validationException'])
    .default('throttlingException'),
  /** Comma-separated model ids answered with AccessDeniedException / ModelNotReadyException / ResourceNotFoundException. */
  PROMPTDECK_SIM_DENIED_MODELS: z.string().default(''),
  PROMPTDECK_SIM_NOT_READY_MODELS: z.string().default(''),
  PROMPTDECK_SIM_NOT_FOUND_MODELS: z.string().default(''),
  /** Seed of the stand-in's fault RNG. */
  PROMPTDECK_SIM_SEED: z.coerce.number().int().default(1),
  /** Control-plane requests per second per operation (model catalog, quotas, prompt management); 0 = unlimited. */
  PROMPTDECK_SIM_CONTROL_PLANE_RPS: z.coerce.number().int().min(0).max(100_000).default(0),
  /** Comma-separated control-plane actions answered AccessDeniedException, e.g. bedrock:ListPrompts,servicequotas:*. */
  PROMPTDECK_SIM_DENIED_OPERATIONS: z.string().default(''),
  /** Prompts the stand-in's Bedrock Prompt Management starts with: `demo` (a few sample prompts) or `none`. */
  PROMPTDECK_SIM_BEDROCK_PROMPTS: z.enum(['demo', 'none']).default('demo'),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests and the launcher, which change variables after start. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** Sets a variable for this process and any child it spawns (launcher only). */
export function setEnv(name: Exclude<keyof Env, 'NODE_ENV'>, value: string): void {
  process.env[name] = value;
  cached = undefined;
}

/** The whole environment, for spawning child processes (launcher only). */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
