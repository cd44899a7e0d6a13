import { describe, expect, it } from 'vitest';
import { CpAddressSchema, parseCpAddress } from '../../src-preload/api';

describe('Common Platform address', () => {
  it.each(['https://cp.example.gov.uk', 'https://cp.example.gov.uk/api/', 'http://127.0.0.1:8080', 'http://localhost:3000/'])(
    'accepts %s',
    (address) => {
      expect(parseCpAddress(address)).not.toBeNull();
      expect(CpAddressSchema.safeParse(address).success).toBe(true);
    },
  );

  it.each([
    'cp.example.gov.uk',
    'http://cp.example.gov.uk',
    'ftp://cp.example.gov.uk',
    'https://user:pass@cp.example.gov.uk',
    'https://cp.example.gov.uk/?token=1',
    'javascript:alert(1)',
    '',
  ])('refuses %s with the message key the UI shows', (address) => {
    const result = CpAddressSchema.safeParse(address);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toBe('errors.cpAddressInvalid');
  });
});
