import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../lib/openapi/document';

/**
 * The TypeScript client's types, generated with openapi-typescript from the OpenAPI document
 * (what GET /api/v1/openapi.json serves, built here without a server) into
 * clients/typescript/src/generated/openapi.ts. `npm run clients:generate` rewrites the file
 * (`-- --document <file>` also writes the document); `--check` fails when the committed file is
 * out of date (scripts/openapi-types.test.ts runs that check in the unit tests).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
export const TYPES_FILE = path.join(ROOT, 'clients/typescript/src/generated/openapi.ts');

const HEADER = `/**
 * Generated from the OpenAPI document (GET /api/v1/openapi.json) by openapi-typescript.
 * Do not edit: run \`npm run clients:generate\` after changing the API.
 */
`;

export async function generated(): Promise<{ document: string; types: string }> {
  const doc = openApiDocument();
  const document = `${JSON.stringify(doc, null, 2)}\n`;
  const ast = await openapiTS(JSON.parse(document) as Parameters<typeof openapiTS>[0], { alphabetize: false });
  return { document, types: HEADER + astToString(ast) };
}

export function stale(files: { document: string; types: string }): string[] {
  const read = (f: string) => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      return null;
    }
  };
  return read(TYPES_FILE) === files.types ? [] : [path.relative(ROOT, TYPES_FILE)];
}

async function main() {
  const files = await generated();
  if (process.argv.includes('--check')) {
    const out = stale(files);
    if (out.length) {
      console.error(`Out of date: ${out.join(', ')}. Run \`npm run clients:generate\`.`);
      process.exit(1);
    }
    console.log('The TypeScript client types are up to date.');
    return;
  }
  writeFileSync(TYPES_FILE, files.types);
  console.log(`wrote ${path.relative(ROOT, TYPES_FILE)}`);
  const i = process.argv.indexOf('--document');
  if (i > 0 && process.argv[i + 1]) {
    writeFileSync(process.argv[i + 1]!, files.document);
    console.log(`wrote ${process.argv[i + 1]}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) void main();
