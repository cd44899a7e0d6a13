/** The case screens' and sync screen's service, and the CP client that follows the configured server. */
export { CasesService, type CasesServiceOptions, type OutboxJobGroup } from './cases-service';
export { currentCpClient } from './current-cp-client';
