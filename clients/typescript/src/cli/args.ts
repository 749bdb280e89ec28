import { parseArgs } from 'node:util';

/** Exit codes of `promptdeck` (documented in the README). */
export const EXIT = {
  passed: 0,
  belowThreshold: 1,
  usage: 2,
  api: 3,
  runFailed: 4,
  timeout: 5,
} as const;

export class UsageError extends Error {}

export interface EvalArgs {
  prompt: string;
  label?: string;
  version?: number;
  suite: string;
  minPassRate: number | null;
  url: string;
  apiKey: string | undefined;
  timeoutMs: number;
  pollMs: number;
  json: boolean;
  quiet: boolean;
  cancel: boolean;
}

export const EVAL_HELP = `Usage: promptdeck eval --prompt <name> [--label <label> | --version <n>] [options]

Runs a prompt's test suite through the Promptdeck API, waits for it, prints the summary and
exits non-zero when the run fails or its pass rate is below --min-pass-rate.

Options:
  --prompt <name>          the prompt (required)
  --label <label>          the version a label points at (the server's default: production)
  --version <n>            a version number instead of a label
  --suite <name>           the prompt's test suite (default: default)
  --min-pass-rate <rate>   required pass rate, 0-1 or a percentage (0.9 or 90%)
  --url <url>              the server (default: PROMPTDECK_URL)
  --api-key <key>          an API key (default: PROMPTDECK_API_KEY)
  --timeout <duration>     give up after this long (default 30m; e.g. 90s, 10m, 1h, or ms)
  --poll-interval <dur>    how often to look at the run (default 2s)
  --json                   print the result as JSON on stdout (progress still goes to stderr)
  --quiet                  no progress lines
  --no-cancel              on timeout or Ctrl-C, leave the run going (default: cancel it)
  -h, --help               this help

Exit codes: 0 passed, 1 pass rate below the threshold, 2 usage error, 3 API error,
4 the run failed or was cancelled, 5 timed out.`;

export const MAIN_HELP = `Usage: promptdeck <command> [options]

Commands:
  eval     run a prompt's test suite and gate on its pass rate (promptdeck eval --help)`;

/** 90s, 10m, 1h, 1500ms, or a bare number of milliseconds. */
export function parseDuration(s: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new UsageError(`${what}: "${s}" is not a duration (e.g. 90s, 10m, 1h).`);
  const n = Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 'ms') as 'ms'];
  if (!(n > 0)) throw new UsageError(`${what} must be more than 0.`);
  return n;
}

export function parseRate(s: string): number {
  const pct = s.trim().endsWith('%');
  const n = Number(pct ? s.trim().slice(0, -1) : s);
  const rate = pct ? n / 100 : n;
  if (s.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) throw new UsageError(`--min-pass-rate: "${s}" is not a rate between 0 and 1 (or 0% and 100%).`);
  return rate;
}

export function parseEvalArgs(argv: string[], env: Record<string, string | undefined>): EvalArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        prompt: { type: 'string' },
        label: { type: 'string' },
        version: { type: 'string' },
        suite: { type: 'string' },
        'min-pass-rate': { type: 'string' },
        url: { type: 'string' },
        'api-key': { type: 'string' },
        timeout: { type: 'string' },
        'poll-interval': { type: 'string' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        'no-cancel': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  if (!values.prompt) throw new UsageError('--prompt is required.');
  if (values.label !== undefined && values.version !== undefined) throw new UsageError('Give either --label or --version, not both.');
  let version: number | undefined;
  if (values.version !== undefined) {
    version = Number(values.version);
    if (!/^\d+$/.test(values.version) || !(version >= 1)) throw new UsageError(`--version: "${values.version}" is not a version number.`);
  }
  const url = values.url ?? env.PROMPTDECK_URL;
  if (!url) throw new UsageError('Give --url or set PROMPTDECK_URL.');
  if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(`--url: "${url}" is not an http(s) URL.`);
  return {
    prompt: values.prompt,
    ...(values.label !== undefined ? { label: values.label } : {}),
    ...(version !== undefined ? { version } : {}),
    suite: values.suite ?? 'default',
    minPassRate: values['min-pass-rate'] !== undefined ? parseRate(values['min-pass-rate']) : null,
    url,
    apiKey: values['api-key'] ?? env.PROMPTDECK_API_KEY,
    timeoutMs: parseDuration(values.timeout ?? '30m', '--timeout'),
    pollMs: parseDuration(values['poll-interval'] ?? '2s', '--poll-interval'),
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    cancel: !values['no-cancel'],
  };
}
