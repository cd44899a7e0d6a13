/**
 * The sandbox's fault switches: the contract shared by the sandbox, its control
 * API and the app's developer tools. Imports only zod on purpose (the renderer
 * side imports this file).
 */
import { z } from 'zod';

export const ERROR_KINDS = ['500', '503', 'reset', 'timeout'] as const;
export const CORRUPTION_MODES = ['malformedJson', 'unexpectedShape', 'truncatedBody', 'wrongHash'] as const;

export const FaultsSchema = z
  .object({
    /** The API port refuses connections (listener closed, open sockets destroyed). */
    offline: z.boolean(),
    /** Added before every API answer. */
    latencyMs: z.number().int().min(0).max(60_000),
    /** Fraction of API requests that fail, in one of `errorKinds`. */
    errorRate: z.number().min(0).max(1),
    errorKinds: z.array(z.enum(ERROR_KINDS)).min(1),
    /** Cut every response body after this many bytes (socket destroyed). */
    dropAfterBytes: z.number().int().min(0).nullable(),
    /** Every API request answers 429 with this Retry-After. */
    rateLimit: z.object({ retryAfterSeconds: z.number().int().min(0).max(86_400) }).strict().nullable(),
    /** Shifts the server clock: receipt times, token expiry, "today". */
    clockOffsetMs: z.number().int().min(-10 * 365 * 86_400_000).max(10 * 365 * 86_400_000),
    corruption: z.enum(CORRUPTION_MODES).nullable(),
    /** When set, faults apply only to API paths starting with it (e.g. "/materials/"). */
    pathPrefix: z.string().startsWith('/').nullable(),
  })
  .strict();

export const FaultsPatchSchema = FaultsSchema.partial().strict();

export type Faults = z.infer<typeof FaultsSchema>;
export type FaultsPatch = z.infer<typeof FaultsPatchSchema>;
export type ErrorKind = (typeof ERROR_KINDS)[number];
export type CorruptionMode = (typeof CORRUPTION_MODES)[number];

export const DEFAULT_FAULTS: Faults = Object.freeze({
  offline: false,
  latencyMs: 0,
  errorRate: 0,
  errorKinds: ['500'],
  dropAfterBytes: null,
  rateLimit: null,
  clockOffsetMs: 0,
  corruption: null,
  pathPrefix: null,
}) as Faults;
