import { randomBytes } from 'node:crypto';
import { ACCOUNT_ID, findFoundationModel, foundationModelArn, systemProfilesFor, type SimFoundationModel } from './catalog';
import { ApiError } from './control';

/**
 * Application inference profiles (CreateInferenceProfile): a user-made profile that copies a
 * foundation model or a system-defined profile, for cost attribution. Kept in memory per
 * stand-in instance. Converse accepts a profile's ARN and routes it to what it copies.
 */

export interface AppProfile {
  id: string;
  arn: string;
  name: string;
  description?: string;
  /** Foundation-model ARNs the profile routes to. */
  models: { modelArn: string }[];
  /** What Converse calls instead: the foundation model id or the system profile id. */
  target: string;
  model: SimFoundationModel;
  tags: { key: string; value: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface CreateProfileInput {
  inferenceProfileName: string;
  description?: string;
  modelSource: { copyFrom: string };
  clientRequestToken?: string;
  tags?: { key: string; value: string }[];
}

/** Application inference profiles per account (Bedrock's default quota). */
export const MAX_APPLICATION_PROFILES = 1000;

const FM_ARN = /^arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]{1,20}::foundation-model\/(.+)$/;
const IP_ARN = /^arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]{1,20}:\d{12}:inference-profile\/(.+)$/;
const APP_ARN = /^arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]{1,20}:\d{12}:application-inference-profile\/([a-z0-9]+)$/;

export class ApplicationProfiles {
  private readonly byId = new Map<string, AppProfile>();
  private readonly tokens = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  create(input: CreateProfileInput, region: string, deniedModels: readonly string[]): AppProfile {
    const existing = input.clientRequestToken ? this.byId.get(this.tokens.get(input.clientRequestToken) ?? '') : undefined;
    if (existing) return existing;
    if ([...this.byId.values()].some((p) => p.name === input.inferenceProfileName)) {
      throw new ApiError(400, 'ConflictException', `An inference profile named ${input.inferenceProfileName} already exists.`);
    }
    if (this.byId.size >= MAX_APPLICATION_PROFILES) {
      throw new ApiError(400, 'ServiceQuotaExceededException', `You have reached the maximum number of application inference profiles (${MAX_APPLICATION_PROFILES}) for this account.`);
    }
    const source = this.resolveSource(input.modelSource.copyFrom, region);
    if (deniedModels.includes(source.model.modelId) || deniedModels.includes(source.target)) {
      throw new ApiError(403, 'AccessDeniedException', "You don't have access to the model with the specified model ID.");
    }
    const id = randomId();
    const at = new Date(this.now()).toISOString();
    const profile: AppProfile = {
      id,
      arn: `arn:aws:bedrock:${region}:${ACCOUNT_ID}:application-inference-profile/${id}`,
      name: input.inferenceProfileName,
      ...(input.description !== undefined ? { description: input.description } : {}),
      models: source.models,
      target: source.target,
      model: source.model,
      tags: input.tags ?? [],
      createdAt: at,
      updatedAt: at,
    };
    this.byId.set(id, profile);
    if (input.clientRequestToken) this.tokens.set(input.clientRequestToken, id);
    return profile;
  }

  private resolveSource(copyFrom: string, region: string): Pick<AppProfile, 'models' | 'target' | 'model'> {
    const fm = FM_ARN.exec(copyFrom);
    if (fm?.[2]) {
      const model = findFoundationModel(fm[2]);
      if (!model) throw new ApiError(404, 'ResourceNotFoundException', `The foundation model ${fm[2]} was not found.`);
      if (!model.inferenceTypes.includes('ON_DEMAND')) {
        throw new ApiError(
          400,
          'ValidationException',
          `Invocation of model ID ${model.modelId} with on-demand throughput isn't supported. Copy from the ARN of an inference profile that contains this model.`,
        );
      }
      return { models: [{ modelArn: foundationModelArn(region, model.modelId) }], target: model.modelId, model };
    }
    const ip = IP_ARN.exec(copyFrom);
    if (ip?.[2]) {
      const system = systemProfilesFor(region).find((p) => p.id === ip[2]);
      if (!system) throw new ApiError(404, 'ResourceNotFoundException', `The inference profile ${ip[2]} was not found.`);
      return { models: system.regions.map((r) => ({ modelArn: foundationModelArn(r, system.model.modelId) })), target: system.id, model: system.model };
    }
    throw new ApiError(400, 'ValidationException', 'modelSource.copyFrom must be the ARN of a foundation model or of a system-defined inference profile.');
  }

  /** By id or ARN. */
  get(identifier: string): AppProfile | undefined {
    return this.byId.get(APP_ARN.exec(identifier)?.[2] ?? identifier);
  }

  delete(identifier: string): boolean {
    const p = this.get(identifier);
    return p ? this.byId.delete(p.id) : false;
  }

  list(): AppProfile[] {
    return [...this.byId.values()];
  }

  /** For Converse: what the profile with this id routes to. */
  resolve(id: string): string | undefined {
    return this.byId.get(id)?.target;
  }
}

function randomId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}
