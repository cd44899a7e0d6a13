/**
 * The shape of a form definition file (resources/forms/*.json). A definition is data: a new official
 * version of the PET or BCM form is a new file checked by this schema, never new code. The rule
 * language is deliberately small (conditions over other answers) so a definition can be read, reviewed
 * and diffed by someone who does not read TypeScript.
 */
import { z } from 'zod';

/** Every word a user sees exists in English and Welsh; neither may be left empty. */
export const LocalTextSchema = z.object({ en: z.string().trim().min(1), cy: z.string().trim().min(1) }).strict();
export type LocalText = z.infer<typeof LocalTextSchema>;

export const ROLES = ['prosecution', 'defence', 'court'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Question ids are keys in CP's JSON: plain identifiers, so a path like `part3.plea` needs no escaping. */
export const QuestionIdSchema = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'a question id is camelCase letters and digits');
/**
 * A reference to another question: `id` looks in the current repeating-group item first, then outwards
 * to the part; `part2.id` names a top-level question of another part.
 */
export const QuestionRefSchema = z.string().regex(/^([a-z][A-Za-z0-9]*\.)?[a-z][A-Za-z0-9]*$/, 'a reference is questionId or partId.questionId');

const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof ScalarSchema>;

/** `today` is the date the caller passes in (Europe/London), so rules never read the laptop's clock. */
const DateRefSchema = z.union([z.literal('today'), z.object({ question: QuestionRefSchema }).strict()]);
export type DateRef = z.infer<typeof DateRefSchema>;

export type Condition =
  | { question: string; equals: Scalar }
  | { question: string; notEquals: Scalar }
  | { question: string; in: Scalar[] }
  | { question: string; answered: boolean }
  | { question: string; minItems: number }
  | { question: string; includes: string }
  | { question: string; onOrAfter: DateRef }
  | { question: string; onOrBefore: DateRef }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ question: QuestionRefSchema, equals: ScalarSchema }).strict(),
    z.object({ question: QuestionRefSchema, notEquals: ScalarSchema }).strict(),
    z.object({ question: QuestionRefSchema, in: z.array(ScalarSchema).min(1) }).strict(),
    z.object({ question: QuestionRefSchema, answered: z.boolean() }).strict(),
    z.object({ question: QuestionRefSchema, minItems: z.number().int().min(0) }).strict(),
    z.object({ question: QuestionRefSchema, includes: z.string() }).strict(),
    z.object({ question: QuestionRefSchema, onOrAfter: DateRefSchema }).strict(),
    z.object({ question: QuestionRefSchema, onOrBefore: DateRefSchema }).strict(),
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
  ]),
);

/** `true`, or required only while a condition holds (e.g. the real issues once the plea is not guilty). */
const RequiredSchema = z.union([z.boolean(), z.object({ when: ConditionSchema }).strict()]);
export type Required = z.infer<typeof RequiredSchema>;

/**
 * A rule across answers: while `when` holds (always, if absent), `require` must hold; otherwise the
 * definition's own message is shown at `reportAt`. Messages live in the data so a new form version can
 * add a rule without new strings in the app.
 */
export const CrossFieldRuleSchema = z
  .object({ id: QuestionIdSchema, when: ConditionSchema.optional(), require: ConditionSchema, reportAt: QuestionIdSchema, message: LocalTextSchema })
  .strict();
export type CrossFieldRule = z.infer<typeof CrossFieldRuleSchema>;

const OptionSchema = z.object({ value: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), label: LocalTextSchema }).strict();
export type ChoiceOption = z.infer<typeof OptionSchema>;

/** Options taken from a repeating group's items (e.g. the prosecution's witnesses): the value is the item id. */
const OptionsFromSchema = z.object({ question: QuestionRefSchema, label: QuestionIdSchema }).strict();
export type OptionsFrom = z.infer<typeof OptionsFromSchema>;

const base = {
  id: QuestionIdSchema,
  label: LocalTextSchema,
  help: LocalTextSchema.optional(),
  required: RequiredSchema.optional(),
  visibleWhen: ConditionSchema.optional(),
};

export interface FollowUp {
  on: string | boolean;
  questions: Question[];
}

interface QuestionBase {
  id: string;
  label: LocalText;
  help?: LocalText | undefined;
  required?: Required | undefined;
  visibleWhen?: Condition | undefined;
}
export interface ShortTextQuestion extends QuestionBase {
  type: 'shortText';
  minLength?: number | undefined;
  maxLength?: number | undefined;
  pattern?: { regex: string; message: LocalText } | undefined;
}
export interface LongTextQuestion extends QuestionBase {
  type: 'longText';
  maxLength?: number | undefined;
}
export interface YesNoQuestion extends QuestionBase {
  type: 'yesNo';
  followUps?: FollowUp[] | undefined;
}
export interface DateQuestion extends QuestionBase {
  type: 'date';
  notInPast?: boolean | undefined;
  notInFuture?: boolean | undefined;
}
export interface ChoiceQuestion extends QuestionBase {
  type: 'choice';
  options?: ChoiceOption[] | undefined;
  optionsFrom?: OptionsFrom | undefined;
  followUps?: FollowUp[] | undefined;
}
export interface MultiChoiceQuestion extends QuestionBase {
  type: 'multiChoice';
  options?: ChoiceOption[] | undefined;
  optionsFrom?: OptionsFrom | undefined;
  minSelected?: number | undefined;
  maxSelected?: number | undefined;
  followUps?: FollowUp[] | undefined;
}
export interface NumberQuestion extends QuestionBase {
  type: 'number';
  min?: number | undefined;
  max?: number | undefined;
  integer?: boolean | undefined;
  unit?: LocalText | undefined;
}
export interface EmailQuestion extends QuestionBase {
  type: 'email';
}
export interface PhoneQuestion extends QuestionBase {
  type: 'phone';
}
export interface RepeatingGroupQuestion extends QuestionBase {
  type: 'repeatingGroup';
  /** Heading of each item; `{{n}}` is the item's number. */
  itemLabel: LocalText;
  minItems?: number | undefined;
  maxItems?: number | undefined;
  questions: Question[];
  rules?: CrossFieldRule[] | undefined;
}
export type Question =
  | ShortTextQuestion
  | LongTextQuestion
  | YesNoQuestion
  | DateQuestion
  | ChoiceQuestion
  | MultiChoiceQuestion
  | NumberQuestion
  | EmailQuestion
  | PhoneQuestion
  | RepeatingGroupQuestion;
export type QuestionType = Question['type'];

const FollowUpSchema: z.ZodType<FollowUp> = z.lazy(() => z.object({ on: z.union([z.string(), z.boolean()]), questions: z.array(QuestionSchema).min(1) }).strict());

export const QuestionSchema: z.ZodType<Question> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z
      .object({
        ...base,
        type: z.literal('shortText'),
        minLength: z.number().int().min(1).optional(),
        maxLength: z.number().int().min(1).optional(),
        pattern: z.object({ regex: z.string().min(1), message: LocalTextSchema }).strict().optional(),
      })
      .strict(),
    z.object({ ...base, type: z.literal('longText'), maxLength: z.number().int().min(1).optional() }).strict(),
    z.object({ ...base, type: z.literal('yesNo'), followUps: z.array(FollowUpSchema).optional() }).strict(),
    z.object({ ...base, type: z.literal('date'), notInPast: z.boolean().optional(), notInFuture: z.boolean().optional() }).strict(),
    z
      .object({ ...base, type: z.literal('choice'), options: z.array(OptionSchema).min(2).optional(), optionsFrom: OptionsFromSchema.optional(), followUps: z.array(FollowUpSchema).optional() })
      .strict(),
    z
      .object({
        ...base,
        type: z.literal('multiChoice'),
        options: z.array(OptionSchema).min(1).optional(),
        optionsFrom: OptionsFromSchema.optional(),
        minSelected: z.number().int().min(1).optional(),
        maxSelected: z.number().int().min(1).optional(),
        followUps: z.array(FollowUpSchema).optional(),
      })
      .strict(),
    z.object({ ...base, type: z.literal('number'), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().optional(), unit: LocalTextSchema.optional() }).strict(),
    z.object({ ...base, type: z.literal('email') }).strict(),
    z.object({ ...base, type: z.literal('phone') }).strict(),
    z
      .object({
        ...base,
        type: z.literal('repeatingGroup'),
        itemLabel: LocalTextSchema,
        minItems: z.number().int().min(0).optional(),
        maxItems: z.number().int().min(1).optional(),
        questions: z.array(QuestionSchema).min(1),
        rules: z.array(CrossFieldRuleSchema).optional(),
      })
      .strict(),
  ]),
);

export const SectionSchema = z
  .object({
    id: QuestionIdSchema,
    title: LocalTextSchema,
    help: LocalTextSchema.optional(),
    /** Overrides the part's: Part 1 of the PET is shared, but the prosecutor's contact details are theirs alone. */
    completedBy: z.array(RoleSchema).min(1).optional(),
    visibleWhen: ConditionSchema.optional(),
    questions: z.array(QuestionSchema).min(1),
  })
  .strict();
export type Section = z.infer<typeof SectionSchema>;

export const PartSchema = z
  .object({
    /** The key CP keeps this part's answers under in the form's `data` (its lockable section). */
    id: z.string().regex(/^part[0-9]+$/),
    number: z.number().int().min(1),
    title: LocalTextSchema,
    help: LocalTextSchema.optional(),
    completedBy: z.array(RoleSchema).min(1),
    sections: z.array(SectionSchema).min(1),
    rules: z.array(CrossFieldRuleSchema).optional(),
  })
  .strict();
export type Part = z.infer<typeof PartSchema>;

export const FORM_TYPES = ['PET', 'BCM'] as const;
export type FormType = (typeof FORM_TYPES)[number];

export const FormDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z]+-[0-9A-Za-z-]+$/),
    formType: z.enum(FORM_TYPES),
    /** The official version's date (YYYY-MM-DD): the PET in use since 7 June 2021 is "2021-06-07". */
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    title: LocalTextSchema,
    description: LocalTextSchema.optional(),
    parts: z.array(PartSchema).min(1),
  })
  .strict();
export type FormDefinition = z.infer<typeof FormDefinitionSchema>;
