import { AwsApiError, toAwsApiError } from '../aws/errors';
import { PromptConversionError } from '../aws/prompt-management';
import { AppError } from '../errors';

/**
 * AWS control-plane failures (Bedrock's model catalog, Service Quotas, Prompt Management) as the
 * API's error shape: never a 500. Throttling after the SDK's retries is 429 `throttled`; AWS
 * refusing Promptdeck's own credentials or being unavailable is 502 `upstream_error` (the
 * caller did nothing wrong); what AWS refuses about the content sent is 400; conflicts and
 * Bedrock's limits (10 versions per prompt) are 409.
 */
const SERVICE: Record<string, string> = {
  ListFoundationModels: 'Amazon Bedrock',
  ListInferenceProfiles: 'Amazon Bedrock',
  ListServiceQuotas: 'Service Quotas',
};
const serviceOf = (operation: string) => SERVICE[operation] ?? 'Bedrock Prompt Management';

export function awsFailure(err: unknown, fallbackOperation = 'AWS'): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof PromptConversionError) {
    return new AppError('validation_error', `This version cannot be published as a Bedrock prompt: ${err.message}`, [{ path: 'template', message: err.message }]);
  }
  const e = err instanceof AwsApiError ? err : toAwsApiError(err, fallbackOperation);
  const service = serviceOf(e.operation);
  const details = { type: e.kind, awsCode: e.awsCode, operation: e.operation, ...(e.awsRequestId ? { awsRequestId: e.awsRequestId } : {}) };
  switch (e.kind) {
    case 'throttled':
      return new AppError('throttled', `${service} throttled ${e.operation} (after ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}). Wait a few seconds and try again.`, details);
    case 'access_denied':
      return new AppError(
        'upstream_error',
        /credential/i.test(e.awsCode + e.message)
          ? `No AWS credentials were found for ${service}. Configure credentials and a region (AWS_PROFILE, keys or an instance role), or run locally with the simulated Bedrock.`
          : `${service} denied ${e.operation}: the role Promptdeck runs as needs that permission (${e.message}).`,
        details,
      );
    case 'validation':
      return new AppError(
        'validation_error',
        `${service} refused ${e.operation}: ${e.message}`,
        e.fields.length ? e.fields.map((f) => ({ path: `bedrock.${f.name}`, message: f.message })) : [{ path: 'bedrock', message: e.message }],
      );
    case 'not_found':
      return new AppError('not_found', `${service}: ${e.message}`, details);
    case 'conflict':
      return new AppError('conflict', `${service} refused ${e.operation}: ${e.message}`, details);
    case 'quota_exceeded':
      return new AppError('conflict', `${service} refused ${e.operation}: a limit of the account was reached (${e.message}).`, details);
    default:
      return new AppError('upstream_error', `${service} failed ${e.operation}: ${e.message}`, details);
  }
}

const isAwsError = (err: unknown) => err instanceof AwsApiError || err instanceof PromptConversionError || (typeof err === 'object' && err !== null && '$metadata' in err);

/** Runs `fn`, mapping AWS failures to the API's error shape (other errors pass through). */
export async function viaAws<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw isAwsError(err) ? awsFailure(err) : err;
  }
}
