import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../src/content-security-policy.js';

describe('contentSecurityPolicy', () => {
  it('allows no inline script in the build', () => {
    expect(contentSecurityPolicy()).toContain("script-src 'self';");
  });

  it('uses wss for an https dev server', () => {
    expect(contentSecurityPolicy('https://localhost:5173/')).toContain("connect-src 'self' wss://localhost:5173");
  });
});
