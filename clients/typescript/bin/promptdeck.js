#!/usr/bin/env node
// The `promptdeck` command (npx promptdeck ...). The code is the package's build (dist/),
// made by `npm run build -w @promptdeck/client` (the repository's npm install does it).
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
    console.error('promptdeck: the client is not built yet. Run `npm run build -w @promptdeck/client` in the repository.');
    process.exit(70);
  }
  throw err;
}
process.exitCode = await cli.main(process.argv.slice(2));
