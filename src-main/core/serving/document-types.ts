import type { ServeDocumentType } from '../../../src-preload/api';

/** The descriptions CP files a defence document under, for each type the app offers. */
export function cpDocumentTypeDescription(type: ServeDocumentType): string {
  switch (type) {
    case 'defenceStatement':
      return 'Defence statement';
    case 'skeletonArgument':
      return 'Skeleton argument';
    case 'witnessStatement':
      return 'Witness statement';
    case 'application':
      return 'Application';
    case 'notice':
      return 'Notice';
    case 'correspondence':
      return 'Correspondence';
    case 'other':
      return 'Other';
  }
}
