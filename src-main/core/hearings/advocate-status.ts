import type { z } from 'zod';
import type { AdvocateStatusSchema } from '../../../src-preload/api';

export type AdvocateStatus = z.infer<typeof AdvocateStatusSchema>;

/** The words CP lists an advocate's status in on a hearing (the LAA reads them for payment). */
export function cpAdvocateStatus(status: AdvocateStatus): string {
  switch (status) {
    case 'KC':
      return 'KC';
    case 'junior':
      return 'Junior';
    case 'solicitorAdvocate':
      return 'Solicitor advocate';
    case 'solicitor':
      return 'Solicitor';
  }
}
