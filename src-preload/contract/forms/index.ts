/**
 * The form engine's pure half, shared by main and the renderer as the rest of the contract is: the
 * definition schema, the answers' shape and path syntax, which questions a definition asks and the
 * condition language. Main adds validation, merging and printing on top (src-main/core/forms); the
 * renderer lays out the form screen with the same rules, so the two never disagree about what is
 * shown. Nothing here may import node:* or anything else the renderer cannot load.
 */
export * from './calendar-dates';
export * from './condition-evaluation';
export * from './contact-email';
export * from './form-answers';
export * from './form-definition-schema';
export * from './question-scopes';
export * from './validation-messages';
