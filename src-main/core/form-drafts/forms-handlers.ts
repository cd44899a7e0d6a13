import type { ContractHandlers } from '../contract';
import type { FormsService } from './forms-service';

type FormMethods = Extract<keyof ContractHandlers, `forms.${string}`>;

/** The contract's forms.* methods, each a thin call into the forms service once the cache is open. */
export function formsContractHandlers(service: () => Promise<FormsService>): Pick<ContractHandlers, FormMethods> {
  return {
    'forms.list': async ({ caseId }) => (await service()).list(caseId),
    'forms.get': async ({ formId }) => (await service()).get(formId),
    'forms.saveDraft': async ({ formId, answers, section }) => (await service()).saveDraft(formId, answers, section),
    'forms.discardDraft': async ({ formId }) => (await service()).discardDraft(formId),
    'forms.submit': async ({ formId }) => (await service()).submit(formId),
    'forms.withdraw': async ({ formId }) => (await service()).withdraw(formId),
    'forms.resolveConflicts': async ({ formId, choices }) => (await service()).resolveConflicts(formId, choices),
    'forms.beginEdit': async ({ formId, section }) => (await service()).beginEdit(formId, section),
    'forms.endEdit': async ({ formId, section }) => {
      await (await service()).endEdit(formId, section);
      return {};
    },
    'forms.changeContactEmail': async ({ formId, email }) => (await service()).changeContactEmail(formId, email),
    'forms.exportPdf': async ({ formId, language }) => (await service()).exportPdf(formId, language),
  };
}
