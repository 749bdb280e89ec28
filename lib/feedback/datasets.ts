/** Datasets moved to lib/datasets; this keeps the older import path working. */
export type { DatasetDto, ExampleDto } from '../datasets/responses';
export { createDataset, getDataset, listDatasets, pageDatasets } from '../datasets/service';
export { addExample } from '../datasets/examples';
