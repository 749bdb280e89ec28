import { EVAL_HELP, EXIT, MAIN_HELP, parseEvalArgs, UsageError } from './args.js';
import { runEval, type Io } from './eval.js';

/** Node's process as the CLI's Io. */
export function processIo(): Io {
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    fetch: globalThis.fetch.bind(globalThis),
    now: () => performance.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    onInterrupt(cb) {
      process.on('SIGINT', cb);
      process.on('SIGTERM', cb);
      return () => {
        process.off('SIGINT', cb);
        process.off('SIGTERM', cb);
      };
    },
  };
}

/** `promptdeck <command> ...`: returns the exit code. */
export async function main(argv: string[], io: Io = processIo(), env: Record<string, string | undefined> = process.env): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? io.err : io.out)(`${MAIN_HELP}\n`);
    return command === undefined ? EXIT.usage : EXIT.passed;
  }
  if (command !== 'eval') {
    io.err(`promptdeck: unknown command "${command}".\n${MAIN_HELP}\n`);
    return EXIT.usage;
  }
  try {
    const args = parseEvalArgs(rest, env);
    if (args === 'help') {
      io.out(`${EVAL_HELP}\n`);
      return EXIT.passed;
    }
    return await runEval(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`promptdeck eval: ${err.message}\nRun \`promptdeck eval --help\` for the options.\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
