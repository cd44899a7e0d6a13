/** zod validation of queries and bodies; any mismatch is a 400 with the issues listed. */
import type { z } from 'zod';
import { ApiError } from '../errors';

export function validate<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ApiError(400, 'VALIDATION_FAILED', `invalid ${what}`, {
      issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return result.data;
}

/** URLSearchParams → plain object; a repeated parameter is malformed here (CP takes single values). */
export function queryObject(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of query) {
    if (k in out) throw new ApiError(400, 'VALIDATION_FAILED', `query parameter ${k} given more than once`);
    out[k] = v;
  }
  return out;
}
