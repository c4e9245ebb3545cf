import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../../src/main/content-security-policy.js';

describe('contentSecurityPolicy', () => {
  it('allows no inline script in the build', () => {
    expect(contentSecurityPolicy()).toContain("script-src 'self';");
  });

  it('uses wss for an https dev server', () => {
    expect(contentSecurityPolicy('https://localhost:5173/')).toContain("connect-src 'self' wss://localhost:5173");
  });
});

describe('withContentSecurityPolicy', () => {
  it('keeps a policy the response already has and adds ours, so neither can loosen the other', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src 'none'"] }, "default-src 'self'");
    expect(headers).toEqual({ 'content-security-policy': ["default-src 'none'", "default-src 'self'"] });
  });

  it('adds the header to a response without headers', () => {
    expect(withContentSecurityPolicy(undefined, "default-src 'self'")).toEqual({ 'Content-Security-Policy': ["default-src 'self'"] });
  });
});
