/** Bedrock model ids as Converse takes them (no imports: shared by schemas.ts and bundle-schemas.ts). */

/** Geography prefixes of cross-region inference profiles. */
export const INFERENCE_PROFILE_PREFIXES = ['us', 'eu', 'apac', 'global', 'us-gov', 'jp', 'au', 'ca'] as const;
const BASE_MODEL_RE = /^[a-z0-9-]{1,63}\.[a-z0-9-]{1,63}([.:][a-z0-9-]{1,63}){0,4}$/;
const ARN_RE =
  /^arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]{1,20}:(\d{12})?:(foundation-model|inference-profile|application-inference-profile|provisioned-model|custom-model|imported-model|default-prompt-router|prompt-router)\/[A-Za-z0-9._:/-]{1,200}$/;

export function isValidModelId(id: string): boolean {
  return BASE_MODEL_RE.test(id) || ARN_RE.test(id);
}

