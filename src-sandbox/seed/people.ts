/** Seeded British (and Welsh) people and addresses. */
import type { Address, PersonDetails } from '../model';
import { addDays } from './dates';
import type { Prng } from './prng';
import {
  FIRST_NAMES_FEMALE,
  FIRST_NAMES_MALE,
  REGIONS,
  SURNAMES,
  WELSH_FIRST_NAMES_FEMALE,
  WELSH_FIRST_NAMES_MALE,
  WELSH_SURNAMES,
  type RegionKey,
} from './reference-data';

export interface PersonName {
  readonly gender: 'MALE' | 'FEMALE';
  readonly title: string;
  readonly firstName: string;
  readonly middleName?: string;
  readonly lastName: string;
}

export function personName(prng: Prng, region: RegionKey): PersonName {
  const welsh = REGIONS[region].welsh && prng.chance(0.7);
  const gender = prng.chance(0.78) ? 'MALE' : 'FEMALE'; // most defendants are men
  const firsts = gender === 'MALE' ? (welsh ? WELSH_FIRST_NAMES_MALE : FIRST_NAMES_MALE) : welsh ? WELSH_FIRST_NAMES_FEMALE : FIRST_NAMES_FEMALE;
  const lastName = prng.pick(welsh ? WELSH_SURNAMES : SURNAMES);
  const firstName = prng.pick(firsts);
  const middle = prng.chance(0.4) ? prng.pick(firsts.filter((n) => n !== firstName)) : undefined;
  const title = gender === 'MALE' ? 'Mr' : prng.pick(['Ms', 'Miss', 'Mrs']);
  return middle === undefined ? { gender, title, firstName, lastName } : { gender, title, firstName, middleName: middle, lastName };
}

export function address(prng: Prng, region: RegionKey): Address {
  const r = REGIONS[region];
  const flat = prng.chance(0.3) ? `Flat ${prng.int(1, 24)}, ` : '';
  const area = prng.pick(r.postcodeAreas);
  return {
    address1: `${flat}${prng.int(1, 240)} ${prng.pick(r.streets)}`,
    address3: prng.pick(r.towns),
    postcode: `${area} ${prng.int(1, 9)}${prng.letters(2)}`,
  };
}

export function formatAddress(a: Address): string {
  return [a.address1, a.address2, a.address3, a.postcode].filter((p): p is string => typeof p === 'string' && p.length > 0).join(', ');
}

export function personDetails(prng: Prng, region: RegionKey, anchorDate: string): PersonDetails {
  const name = personName(prng, region);
  const ageDays = prng.int(18 * 365 + 10, 66 * 365);
  const nino = prng.chance(0.7) ? `${prng.pick(['AB', 'JG', 'NZ', 'PH', 'SK', 'TW', 'WL', 'YR'])}${prng.digits(6)}${prng.pick(['A', 'B', 'C', 'D'])}` : undefined;
  return {
    ...name,
    dateOfBirth: addDays(anchorDate, -ageDays),
    address: address(prng, region),
    ...(nino === undefined ? {} : { nationalInsuranceNumber: nino }),
  };
}

export function fullName(p: { firstName: string; middleName?: string; lastName: string }): string {
  return [p.firstName, p.middleName, p.lastName].filter((s): s is string => typeof s === 'string').join(' ');
}
