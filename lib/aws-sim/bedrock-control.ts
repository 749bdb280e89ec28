import { z } from 'zod';
import { ACCOUNT_ID, FOUNDATION_MODELS, findFoundationModel, foundationModelArn, systemProfilesFor, type SimFoundationModel, type SimSystemProfile } from './catalog';
import type { SimConfig } from './config';
import { ApiError, decodeLabel, page, pageOffset, parseJson, regionOf, validate } from './control';
import type { SimRequest } from './http';
import type { AppProfile, ApplicationProfiles } from './profiles';

/**
 * Amazon Bedrock control plane (REST-JSON, `@aws-sdk/client-bedrock`, HTTP/1.1):
 * ListFoundationModels, GetFoundationModel, ListInferenceProfiles, GetInferenceProfile,
 * CreateInferenceProfile, DeleteInferenceProfile.
 */

export interface ControlRoute {
  operation: string;
  /** Percent-decoded path label (model or profile identifier). */
  id?: string;
}

const ROUTES: [method: string, path: RegExp, operation: string][] = [
  ['GET', /^\/foundation-models$/, 'ListFoundationModels'],
  ['GET', /^\/foundation-models\/([^/]+)$/, 'GetFoundationModel'],
  ['GET', /^\/inference-profiles$/, 'ListInferenceProfiles'],
  ['POST', /^\/inference-profiles$/, 'CreateInferenceProfile'],
  ['GET', /^\/inference-profiles\/([^/]+)$/, 'GetInferenceProfile'],
  ['DELETE', /^\/inference-profiles\/([^/]+)$/, 'DeleteInferenceProfile'],
];

export function matchBedrockControlRoute(req: SimRequest): ControlRoute | undefined {
  for (const [method, path, operation] of ROUTES) {
    const m = req.method === method ? path.exec(req.path) : null;
    if (m) return m[1] === undefined ? { operation } : { operation, id: decodeLabel(m[1]) };
  }
  return undefined;
}

export interface BedrockControlContext {
  config: () => SimConfig;
  profiles: ApplicationProfiles;
}

const enumOf = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values, { message: `Member must satisfy enum value set: [${values.join(', ')}]` });

const ListModelsQuery = z.object({
  byProvider: z.string().regex(/^[A-Za-z0-9- ]{1,63}$/, 'Member must satisfy regular expression pattern: [A-Za-z0-9- ]{1,63}').optional(),
  byCustomizationType: enumOf(['FINE_TUNING', 'CONTINUED_PRE_TRAINING', 'DISTILLATION']).optional(),
  byOutputModality: enumOf(['TEXT', 'IMAGE', 'EMBEDDING']).optional(),
  byInferenceType: enumOf(['ON_DEMAND', 'PROVISIONED']).optional(),
});

const ListProfilesQuery = z.object({
  maxResults: z.coerce.number().int('Member must be an integer').min(1, 'Member must have value greater than or equal to 1').max(1000, 'Member must have value less than or equal to 1000').optional(),
  nextToken: z.string().min(1).max(2048).optional(),
  type: enumOf(['SYSTEM_DEFINED', 'APPLICATION']).optional(),
});

const PROFILE_NAME = /^([0-9a-zA-Z:.][ _-]?)+$/;
const CreateProfileBody = z.object({
  inferenceProfileName: z.string().min(1, 'Member must have length greater than or equal to 1').max(64, 'Member must have length less than or equal to 64').regex(PROFILE_NAME, 'Member must satisfy regular expression pattern: ([0-9a-zA-Z:.][ _-]?)+'),
  description: z.string().min(1, 'Member must have length greater than or equal to 1').max(200, 'Member must have length less than or equal to 200').optional(),
  modelSource: z.object({ copyFrom: z.string().min(1).max(2048) }),
  clientRequestToken: z.string().min(1).max(256).optional(),
  tags: z
    .array(z.object({ key: z.string().min(1).max(128), value: z.string().max(256) }))
    .max(200, 'Member must have length less than or equal to 200')
    .optional(),
});

const query = (req: SimRequest) => Object.fromEntries(req.query.entries());
const DEFAULT_PAGE = 100;

function lifecycle(config: SimConfig, model: SimFoundationModel) {
  const override = config.modelLifecycle[model.modelId];
  return override ? { startOfLifeTime: model.lifecycle.startOfLifeTime, ...override } : model.lifecycle;
}

function modelSummary(config: SimConfig, region: string, m: SimFoundationModel) {
  return {
    modelArn: foundationModelArn(region, m.modelId),
    modelId: m.modelId,
    modelName: m.modelName,
    providerName: m.providerName,
    inputModalities: m.inputModalities,
    outputModalities: m.outputModalities,
    responseStreamingSupported: m.streaming,
    customizationsSupported: m.customizations,
    inferenceTypesSupported: m.inferenceTypes,
    modelLifecycle: lifecycle(config, m),
  };
}

function systemSummary(region: string, p: SimSystemProfile) {
  return {
    inferenceProfileName: p.name,
    inferenceProfileArn: `arn:aws:bedrock:${region}:${ACCOUNT_ID}:inference-profile/${p.id}`,
    inferenceProfileId: p.id,
    models: p.regions.map((r) => ({ modelArn: foundationModelArn(r, p.model.modelId) })),
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED',
    description: p.description,
    createdAt: p.model.lifecycle.startOfLifeTime,
    updatedAt: p.model.lifecycle.startOfLifeTime,
  };
}

function appSummary(p: AppProfile) {
  return {
    inferenceProfileName: p.name,
    inferenceProfileArn: p.arn,
    inferenceProfileId: p.id,
    models: p.models,
    status: 'ACTIVE',
    type: 'APPLICATION',
    ...(p.description !== undefined ? { description: p.description } : {}),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

function findSystemProfile(region: string, identifier: string): SimSystemProfile | undefined {
  const id = /^arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]{1,20}:\d{12}:inference-profile\/(.+)$/.exec(identifier)?.[2] ?? identifier;
  return systemProfilesFor(region).find((p) => p.id === id);
}

const notFoundProfile = (id: string) => new ApiError(404, 'ResourceNotFoundException', `The inference profile ${id} was not found.`);

/** Answers one control-plane operation: [status, body]. Throws ApiError. */
export function bedrockControl(ctx: BedrockControlContext, req: SimRequest, route: ControlRoute): [number, unknown] {
  const config = ctx.config();
  const region = regionOf(req);
  const id = route.id ?? '';
  switch (route.operation) {
    case 'ListFoundationModels': {
      const q = validate(ListModelsQuery, query(req));
      const provider = q.byProvider?.toLowerCase();
      const models = FOUNDATION_MODELS.filter(
        (m) =>
          (provider === undefined || m.providerName.toLowerCase() === provider || m.modelId.startsWith(`${provider}.`)) &&
          (q.byOutputModality === undefined || m.outputModalities.includes(q.byOutputModality)) &&
          (q.byInferenceType === undefined || m.inferenceTypes.includes(q.byInferenceType)) &&
          (q.byCustomizationType === undefined || m.customizations.includes(q.byCustomizationType)),
      );
      return [200, { modelSummaries: models.map((m) => modelSummary(config, region, m)) }];
    }
    case 'GetFoundationModel': {
      const modelId = /^arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]{1,20}::foundation-model\/(.+)$/.exec(id)?.[2] ?? id;
      const model = findFoundationModel(modelId);
      if (!model) throw new ApiError(404, 'ResourceNotFoundException', `The model ${id} was not found or is no longer available.`);
      return [200, { modelDetails: modelSummary(config, region, model) }];
    }
    case 'ListInferenceProfiles': {
      const q = validate(ListProfilesQuery, query(req));
      // Like Bedrock: without a type filter only system-defined profiles are listed.
      const type = q.type ?? 'SYSTEM_DEFINED';
      const all = type === 'APPLICATION' ? ctx.profiles.list().map(appSummary) : systemProfilesFor(region).map((p) => systemSummary(region, p));
      const scope = `profiles:${type}`;
      const offset = q.nextToken === undefined ? 0 : pageOffset(q.nextToken, scope);
      if (offset === undefined) throw new ApiError(400, 'ValidationException', 'The provided pagination token is invalid.');
      const p = page(all, offset, q.maxResults ?? DEFAULT_PAGE, scope);
      return [200, { inferenceProfileSummaries: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) }];
    }
    case 'GetInferenceProfile': {
      const app = ctx.profiles.get(id);
      if (app) return [200, appSummary(app)];
      const system = findSystemProfile(region, id);
      if (!system) throw notFoundProfile(id);
      return [200, systemSummary(region, system)];
    }
    case 'CreateInferenceProfile': {
      const body = validate(CreateProfileBody, parseJson(req.body));
      const profile = ctx.profiles.create(body, region, config.faults.deniedModels);
      return [201, { inferenceProfileArn: profile.arn, status: 'ACTIVE' }];
    }
    case 'DeleteInferenceProfile': {
      if (ctx.profiles.delete(id)) return [200, {}];
      if (findSystemProfile(region, id)) throw new ApiError(400, 'ValidationException', 'System-defined inference profiles cannot be deleted.');
      throw notFoundProfile(id);
    }
    default:
      throw new ApiError(404, 'UnknownOperationException', `Operation ${route.operation} is not supported by the local AWS stand-in.`);
  }
}
