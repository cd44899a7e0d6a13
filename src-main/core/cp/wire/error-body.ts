/**
 * CP's error answers, `{ errorCode, message }`. Only the code is kept: it is a machine-readable constant,
 * whereas `message` is free text that could one day echo a name or a URN back.
 */
import { z } from 'zod';

const ErrorCodeValue = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/);

export const CpErrorBodySchema = z.object({ errorCode: ErrorCodeValue });
