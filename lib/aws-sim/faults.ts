import type { SimFaults } from './config';
import { modelListed, type ModelRef } from './models';
import { rng } from './replies';

/**
 * Fault decisions for one Bedrock call. Rate-based faults draw from a seeded RNG owned by the
 * instance (three draws per call, whatever the configuration, so a seed gives a stable sequence);
 * rates of 0 and 1 are deterministic by construction.
 */

export interface BedrockErrorSpec {
  status: number;
  type: string;
  message: string;
}

export const BEDROCK_ERROR_STATUS: Record<string, number> = {
  ValidationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ModelTimeoutException: 408,
  ModelErrorException: 424,
  ThrottlingException: 429,
  ModelNotReadyException: 429,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
};

/** Status of each exception that can end a stream (for metrics classification). */
export const STREAM_EXCEPTION_STATUS: Record<string, number> = {
  throttlingException: 429,
  validationException: 400,
  modelStreamErrorException: 424,
  internalServerException: 500,
  serviceUnavailableException: 503,
};

export function bedrockError(type: string, message: string): BedrockErrorSpec {
  return { status: BEDROCK_ERROR_STATUS[type] ?? 500, type, message };
}

export interface CallFaults {
  serverError?: BedrockErrorSpec;
  /** Hold the call this long before answering; null = never answer. */
  hang?: { ms: number | null };
  streamError?: { type: string; afterDeltas: number };
}

const SERVER_MESSAGES: Record<string, string> = {
  ServiceUnavailableException: 'Bedrock is unable to process your request.',
  InternalServerException: 'The server encountered an internal error while processing the request.',
};

export class FaultInjector {
  private rand: () => number;

  constructor(seed: number) {
    this.rand = rng(seed);
  }

  reseed(seed: number): void {
    this.rand = rng(seed);
  }

  /** Errors tied to a model id: access denied, not ready, not found. */
  modelError(faults: SimFaults, model: ModelRef): BedrockErrorSpec | undefined {
    if (modelListed(faults.deniedModels, model)) return bedrockError('AccessDeniedException', "You don't have access to the model with the specified model ID.");
    if (modelListed(faults.notFoundModels, model)) return bedrockError('ResourceNotFoundException', `The model ${model.raw} was not found or is no longer available.`);
    if (modelListed(faults.notReadyModels, model)) return bedrockError('ModelNotReadyException', 'The model is not ready to serve inference requests. Try again later.');
    return undefined;
  }

  /**
   * Rate- and count-based faults for one call. Decrements `faults.failNext` (the caller's live
   * configuration) when it is used.
   */
  decide(faults: SimFaults, streaming: boolean): CallFaults {
    const [r1, r2, r3] = [this.rand(), this.rand(), this.rand()];
    const out: CallFaults = {};
    if (faults.failNext > 0) {
      faults.failNext -= 1;
      out.serverError = bedrockError(faults.serverErrorType, SERVER_MESSAGES[faults.serverErrorType] ?? 'Server error.');
    } else if (r1 < faults.serverErrorRate) {
      out.serverError = bedrockError(faults.serverErrorType, SERVER_MESSAGES[faults.serverErrorType] ?? 'Server error.');
    }
    if (r2 < faults.hangRate) out.hang = { ms: faults.hangMs };
    if (streaming && r3 < faults.streamErrorRate) out.streamError = { type: faults.streamErrorType, afterDeltas: faults.streamErrorAfterDeltas };
    return out;
  }
}
