import { z } from 'zod';
import { AddedExamplesSchema, DatasetDetailSchema, DatasetSchema, ExampleChangeSchema, ExampleSchema, ImportResultSchema } from '../datasets/responses';
import {
  AddExamplesSchema,
  CreateDatasetSchema,
  ExamplesQuerySchema,
  ExportQuerySchema,
  FromInvocationsSchema,
  ImportBodySchema,
  ImportQuerySchema,
  UpdateDatasetSchema,
  UpdateExampleSchema,
} from '../datasets/schemas';
import { PageQuerySchema } from '../pagination';
import { ok, page, type Operations } from './helpers';

const Dataset = z.object({ dataset: z.string().describe('Id or name') });
const DatasetExample = z.object({ dataset: z.string().describe('Id or name'), id: z.string().describe('Example id') });
const Removed = z.object({ id: z.string(), revision: z.number().int().describe("The dataset's revision after the change.") }).meta({ id: 'ExampleRemoved' });

/** Ground-truth datasets and their examples (API.md "Datasets"). Writing takes the reviewer or admin role. */
export const datasetOperations = {
  'GET /api/v1/datasets': { summary: 'Ground-truth datasets', query: PageQuerySchema, responses: { 200: ok('Datasets', page(DatasetSchema)) } },
  'POST /api/v1/datasets': { summary: 'Create a dataset (reviewer)', body: CreateDatasetSchema, responses: { 201: ok('Dataset', DatasetSchema) }, errors: { 409: 'conflict: the name is in use' } },
  'GET /api/v1/datasets/{dataset}': { summary: 'A dataset (id or name) with its first examples', params: Dataset, responses: { 200: ok('Dataset', DatasetDetailSchema) } },
  'PATCH /api/v1/datasets/{dataset}': { summary: "Change a dataset's description (reviewer)", params: Dataset, body: UpdateDatasetSchema, responses: { 200: ok('Dataset', DatasetSchema) } },
  'DELETE /api/v1/datasets/{dataset}': {
    summary: 'Delete a dataset and its examples (reviewer)',
    params: Dataset,
    responses: { 204: ok('Deleted') },
    errors: { 409: 'conflict: an experiment, test suite or sweep refers to it (details: how many of each)' },
  },
  'GET /api/v1/datasets/{dataset}/examples': {
    summary: 'Examples in the order they were added; `tag` filters',
    params: Dataset,
    query: ExamplesQuerySchema,
    responses: { 200: ok('Examples', page(ExampleSchema)) },
  },
  'POST /api/v1/datasets/{dataset}/examples': {
    summary: 'Add one example, or {items: [...]} (at most 1000, all or nothing; errors name the item: items.3.expectedOutput) (reviewer)',
    params: Dataset,
    body: AddExamplesSchema,
    responses: { 201: ok('The new ids and revision', AddedExamplesSchema) },
  },
  'POST /api/v1/datasets/{dataset}/examples/from-invocations': {
    summary: "Add logged invocations as examples: their variables, and as expected output the value given or each one's output (reviewer)",
    params: Dataset,
    body: FromInvocationsSchema,
    responses: { 201: ok('The new ids and revision', AddedExamplesSchema) },
  },
  'PATCH /api/v1/datasets/{dataset}/examples/{id}': {
    summary: "Change an example's variables, expected output or tags (reviewer)",
    params: DatasetExample,
    body: UpdateExampleSchema,
    responses: { 200: ok('The example and revision', ExampleChangeSchema) },
  },
  'DELETE /api/v1/datasets/{dataset}/examples/{id}': { summary: 'Delete an example (reviewer)', params: DatasetExample, responses: { 200: ok('Deleted', Removed) } },
  'POST /api/v1/datasets/{dataset}/import': {
    summary: 'Import JSON Lines or CSV: with dryRun, the parsed rows and every error, nothing written; else all rows or none (reviewer)',
    description:
      'The file as JSON `{content, format?, dryRun?}`, or as the body itself (text/csv, application/x-ndjson; `format` and `dryRun` in the query). ' +
      'JSON Lines: one `{"variables": {...}, "expectedOutput": "...", "tags": [...]}` a line (without `variables`, every key but expectedOutput and tags is a variable). ' +
      'CSV: a header row; `expectedOutput` and `tags` (comma, semicolon, | or space separated) columns, every other column a variable. ' +
      'A UTF-8 byte order mark is dropped. At most 10,000 rows and 5 MB. A commit with a bad row is a 400 whose details name each row (`rows.<row>.<field>`, with `row`, `line` and `field`).',
    params: Dataset,
    query: ImportQuerySchema,
    body: ImportBodySchema,
    rawBodies: { 'text/csv': 'A CSV file with a header row', 'application/x-ndjson': 'JSON Lines: one example a line' },
    responses: { 200: ok('The preview (dryRun) or what was written', ImportResultSchema) },
  },
  'GET /api/v1/datasets/{dataset}/export': {
    summary: 'Every example as a file: JSON Lines (default) or CSV, named <dataset>-r<revision>.<format>',
    params: Dataset,
    query: ExportQuerySchema,
    responses: {
      200: {
        description: 'The file (Content-Disposition: attachment)',
        files: { 'application/x-ndjson': 'One example a line: {variables, expectedOutput, tags}', 'text/csv': 'A header (variables..., expectedOutput, tags), then one example a row' },
        headers: { 'Content-Disposition': 'attachment; filename="<dataset>-r<revision>.<format>"', 'X-Dataset-Revision': 'The revision exported' },
      },
    },
  },
} satisfies Operations;
