/**
 * The seeded defence firms, their users and the script client. Fixed (not drawn
 * from the seed) so that docs/sandbox.md, tests and demos can name them.
 */
import type { Organisation, User } from '../model';

export const FIRM_1_ID = '5b0c3f7e-3d4a-4c1e-9a53-7f1c2e8d9a01';
export const FIRM_2_ID = '9e2d6a14-8b7c-4f3a-b1d5-2c6e0f4a7b02';

export const ORGANISATIONS: readonly Organisation[] = [
  {
    organisationId: FIRM_1_ID,
    organisationName: 'Carter Lloyd Solicitors LLP',
    laaContractNumbers: ['2N378D', '2N379E'],
    address: { address1: '14 Museum Place', address3: 'Cardiff', postcode: 'CF10 3BH' },
  },
  {
    organisationId: FIRM_2_ID,
    organisationName: 'Pennant Defence Law',
    laaContractNumbers: ['0P214Q'],
    address: { address1: '3 Park Square East', address3: 'Leeds', postcode: 'LS1 2NE' },
  },
];

/** One password for every seeded user: this is a local test double, not a real identity provider. */
export const SANDBOX_PASSWORD = 'Bluebag-Sandbox-1';

export const USERS: readonly User[] = [
  { userId: 'a1f4c2d8-6b1e-4e7a-9c3d-000000000101', username: 'sokafor', email: 'sarah.okafor@carterlloyd.example', password: SANDBOX_PASSWORD, title: 'Ms', firstName: 'Sarah', lastName: 'Okafor', role: 'SOLICITOR', organisationId: FIRM_1_ID },
  { userId: 'a1f4c2d8-6b1e-4e7a-9c3d-000000000102', username: 'rpritchard', email: 'rhys.pritchard@carterlloyd.example', password: SANDBOX_PASSWORD, title: 'Mr', firstName: 'Rhys', lastName: 'Pritchard', role: 'BARRISTER', organisationId: FIRM_1_ID },
  { userId: 'b2e5d3c9-7c2f-4f8b-8d4e-000000000201', username: 'twhitfield', email: 'tom.whitfield@pennantlaw.example', password: SANDBOX_PASSWORD, title: 'Mr', firstName: 'Tom', lastName: 'Whitfield', role: 'SOLICITOR', organisationId: FIRM_2_ID },
  { userId: 'b2e5d3c9-7c2f-4f8b-8d4e-000000000202', username: 'frees', email: 'ffion.rees@pennantlaw.example', password: SANDBOX_PASSWORD, title: 'Ms', firstName: 'Ffion', lastName: 'Rees', role: 'BARRISTER', organisationId: FIRM_2_ID },
];

/** The public client the desktop app uses (authorization code + PKCE, no secret). */
export const PUBLIC_CLIENT_ID = 'bluebag-desktop';

/** Confidential client for scripts and benchmarks (client_credentials), acting as the firm-1 solicitor. */
export const SCRIPT_CLIENT = {
  clientId: 'bluebag-scripts',
  clientSecret: 'sandbox-script-secret',
  actsAsUserId: 'a1f4c2d8-6b1e-4e7a-9c3d-000000000101',
} as const;

export function findUser(userId: string): User | undefined {
  return USERS.find((u) => u.userId === userId);
}

export function findOrganisation(organisationId: string): Organisation | undefined {
  return ORGANISATIONS.find((o) => o.organisationId === organisationId);
}
