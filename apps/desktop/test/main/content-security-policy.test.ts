import { describe, expect, it } from 'vitest';
import { withContentSecurityPolicy } from '../../src/main/content-security-policy.js';

describe('withContentSecurityPolicy', () => {
  it('keeps a policy the response already has and adds ours, so neither can loosen the other', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src 'none'"] }, "default-src 'self'");
    expect(headers).toEqual({ 'content-security-policy': ["default-src 'none'", "default-src 'self'"] });
  });

  it('adds the header to a response without headers', () => {
    expect(withContentSecurityPolicy(undefined, "default-src 'self'")).toEqual({ 'Content-Security-Policy': ["default-src 'self'"] });
  });
});
