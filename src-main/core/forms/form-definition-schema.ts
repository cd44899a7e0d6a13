/**
 * The schema moved to the contract (src-preload/contract/forms), where the renderer may import it too.
 * This re-export keeps src-main/core/form-drafts/form-engine.ts compiling until its import is pointed
 * at '../forms' (that file belongs to another change); delete it then.
 */
export * from '../../../src-preload/contract/forms/form-definition-schema';
