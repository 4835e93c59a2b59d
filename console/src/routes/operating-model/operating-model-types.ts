import type { Schemas } from '../../api';

/** The answer of GET /console/api/operating-model (same as GET /v1/operating-model), by part. */
export type OperatingModel = Schemas['OperatingModel'];
export type Inputs = OperatingModel['inputs'];
export type Task = Inputs['tasks'][number];
export type Comparison = OperatingModel['holdouts']['overall'];
export type RoiResult = OperatingModel['roi']['seed_example']['result'];
