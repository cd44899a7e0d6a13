/**
 * Loads the form definitions shipped as data. Each file is read and checked on its own: a broken file
 * becomes a FormDefinitionError naming it, and the good definitions beside it still load.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { definitionProblems } from './definition-checks';
import { FormDefinitionSchema, type FormDefinition, type FormType } from '../../../src-preload/contract/forms/form-definition-schema';
import { FormDefinitionError, FormDefinitionNotFoundError } from './form-errors';

export interface LoadedDefinitions {
  readonly definitions: readonly FormDefinition[];
  /** Files that could not be used, each with why; the caller decides how loudly to report them. */
  readonly errors: readonly FormDefinitionError[];
}

/** Checks one definition's parsed JSON; `file` names it in the error. */
export function parseFormDefinition(json: unknown, file: string): FormDefinition {
  const parsed = FormDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    throw new FormDefinitionError(
      file,
      'schema',
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const problems = definitionProblems(parsed.data);
  if (problems.length > 0) throw new FormDefinitionError(file, 'inconsistent', problems);
  return parsed.data;
}

export async function loadFormDefinitionFile(file: string): Promise<FormDefinition> {
  const name = path.basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new FormDefinitionError(name, 'unreadable', [cause instanceof Error ? cause.message : String(cause)], { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new FormDefinitionError(name, 'notJson', [cause instanceof Error ? cause.message : String(cause)], { cause });
  }
  return parseFormDefinition(json, name);
}

/** Every `*.json` in `dir`, in name order. Two files claiming the same form type and version are both refused. */
export async function loadFormDefinitions(dir: string): Promise<LoadedDefinitions> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const definitions: FormDefinition[] = [];
  const files: string[] = [];
  const errors: FormDefinitionError[] = [];
  for (const name of names) {
    try {
      definitions.push(await loadFormDefinitionFile(path.join(dir, name)));
      files.push(name);
    } catch (error) {
      if (!(error instanceof FormDefinitionError)) throw error;
      errors.push(error);
    }
  }
  const keep: FormDefinition[] = [];
  definitions.forEach((definition, index) => {
    const clash = definitions.findIndex((other, i) => i !== index && (other.id === definition.id || (other.formType === definition.formType && other.version === definition.version)));
    if (clash < 0) keep.push(definition);
    else errors.push(new FormDefinitionError(files[index] ?? definition.id, 'inconsistent', [`same id or ${definition.formType} version ${definition.version} as ${files[clash] ?? ''}`]));
  });
  return { definitions: keep, errors };
}

/**
 * The definition for a form: the exact version when CP says which, otherwise the latest of that type
 * (CP serves the current official form; an older version matters only for forms begun before it).
 */
export function pickFormDefinition(definitions: readonly FormDefinition[], formType: FormType, version?: string): FormDefinition {
  const ofType = definitions.filter((d) => d.formType === formType);
  const chosen = version === undefined ? ofType.toSorted((a, b) => b.version.localeCompare(a.version))[0] : ofType.find((d) => d.version === version);
  if (!chosen) throw new FormDefinitionNotFoundError(formType, version ?? null);
  return chosen;
}
