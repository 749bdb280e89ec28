import { extractJson, SOURCE_TEXT } from './extract-json';
import { parsePath, valueAt } from './json-path';
import { compileSchema, schemaErrors } from './json-schema';
import type { Evaluator } from './schemas';
import { jsonEqual, jsonType, show } from './text';
import { cannotJudge, failed, NO_EXPECTED, passed, type Verdict } from './types';

type Of<T extends Evaluator['type']> = Extract<Evaluator, { type: T }>;

/** json_valid: the output is (strict) or contains (default, see extract-json.ts) JSON. */
export function jsonValid(e: Of<'json_valid'>, output: string): Verdict {
  const found = extractJson(output);
  if (!found.ok) return failed(`The output is not valid JSON: ${found.reason}.`);
  if (e.strict && found.source !== 'whole') return failed(`The output is not JSON as a whole (strict); JSON was found only in ${SOURCE_TEXT[found.source]}.`);
  return passed(found.source === 'whole' ? 'The output is valid JSON.' : `The output holds valid JSON in ${SOURCE_TEXT[found.source]}.`);
}

/** json_schema: the output's JSON validates against the schema (Ajv, draft 2020-12). */
export function jsonSchema(e: Of<'json_schema'>, output: string): Verdict {
  const compiled = compileSchema(e.schema);
  if (!compiled.ok) return cannotJudge(compiled.message);
  const found = extractJson(output);
  if (!found.ok) return failed(`The output is not valid JSON: ${found.reason}.`);
  if (compiled.validate(found.value)) return passed('The output JSON matches the schema.');
  return failed(`The output JSON does not match the schema: ${schemaErrors(compiled.validate.errors)}.`);
}

/** json_field: the output's JSON value at `path` equals the same path of the expected output parsed as JSON. */
export function jsonField(e: Of<'json_field'>, output: string, expectedOutput: string | null): Verdict {
  const path = parsePath(e.path);
  if (!path.ok) return cannotJudge(path.message);
  if (expectedOutput === null) return NO_EXPECTED;
  const expectedJson = extractJson(expectedOutput);
  if (!expectedJson.ok) return cannotJudge(`The expected output is not JSON (${expectedJson.reason.replace('the output', 'it')}), so there is no ${e.path} to compare with.`);
  const want = valueAt(expectedJson.value, path.segments);
  if (!want.found) return cannotJudge(`The expected output has no value at ${e.path} (nothing at ${want.missing}).`);

  const outJson = extractJson(output);
  if (!outJson.ok) return failed(`Expected ${show(want.value)} at ${e.path}, but the output is not valid JSON: ${outJson.reason}.`);
  const got = valueAt(outJson.value, path.segments);
  if (!got.found) return failed(`Expected ${show(want.value)} at ${e.path}, but the output has nothing at ${got.missing}.`);
  if (jsonEqual(got.value, want.value)) return passed(`${e.path} is ${show(want.value)}, as expected.`);
  const types = jsonType(got.value) !== jsonType(want.value) ? ` (${jsonType(got.value)} instead of ${jsonType(want.value)})` : '';
  return failed(`Expected ${show(want.value)} at ${e.path}, got ${show(got.value)}${types}.`);
}
