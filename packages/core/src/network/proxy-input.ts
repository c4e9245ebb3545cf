import { fail, NETWORK_LIMITS, type Result, type SetProxyInput } from '@switchboard/shared';

/** The proxy settings to keep, and the password to store when one came typed inside the URL. */
export interface CheckedProxy {
  mode: SetProxyInput['mode'];
  url: string | null;
  username: string | null;
  /** Typed inside the URL (`http://user:pw@proxy:3128`): it goes to the keychain like a typed password, never to settings. */
  passwordFromUrl: string | null;
}

// No control characters: a user name goes into a header (Basic proxy auth).
const hasControl = (text: string): boolean => [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * Checks what was typed in Settings > Network. A URL is never quoted back,
 * since it may hold a password; the sentence names what is wrong instead.
 */
export function checkProxyInput(input: SetProxyInput): Result<CheckedProxy> {
  const typedUrl = input.url?.trim() ?? '';
  if (typedUrl.length > NETWORK_LIMITS.maxUrlChars) {
    return fail('invalid-url', `The proxy URL is longer than ${NETWORK_LIMITS.maxUrlChars} characters, far longer than a proxy's address. Type it as http://proxy.example.com:3128.`);
  }
  if ((input.username?.length ?? 0) > NETWORK_LIMITS.maxUsernameChars) {
    return fail('invalid-input', `The proxy user name is longer than ${NETWORK_LIMITS.maxUsernameChars} characters. Check the user name.`);
  }
  let username = input.username?.trim() || null;
  let url: string | null = null;
  let passwordFromUrl: string | null = null;
  if (typedUrl !== '') {
    const parsed = URL.parse(typedUrl);
    if (parsed === null) {
      return fail('invalid-url', 'The proxy URL is not a URL. Type it as http://proxy.example.com:3128 (the address your IT department gave you).');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return fail('invalid-url', `The proxy URL starts with ${JSON.stringify(parsed.protocol.slice(0, 20))}; Switchboard talks to HTTP proxies only, so it must start with http:// or https://. A SOCKS proxy cannot be used.`);
    }
    if (parsed.hostname === '') return fail('invalid-url', 'The proxy URL has no host name. Type it as http://proxy.example.com:3128.');
    if (parsed.username !== '') {
      const fromUrl = decoded(parsed.username);
      if (fromUrl === null) return fail('invalid-input', 'The user name inside the proxy URL is not valid percent-encoding. Type the user name in its own field instead.');
      username ??= fromUrl;
    }
    if (parsed.password !== '') {
      passwordFromUrl = decoded(parsed.password);
      if (passwordFromUrl === null) return fail('invalid-input', 'The password inside the proxy URL is not valid percent-encoding. Type the password in its own field instead.');
    }
    // Only where the proxy is: a path or query means nothing to a CONNECT proxy, and credentials are kept apart.
    url = `${parsed.protocol}//${parsed.host}`;
  }
  if (input.mode === 'url' && url === null) {
    return fail('invalid-url', 'Type the proxy URL (e.g. http://proxy.example.com:3128), or choose "from the environment" or "no proxy".');
  }
  if (username !== null && (hasControl(username) || username.includes(':'))) {
    return fail('invalid-input', 'The proxy user name has a colon or a control character, which Basic proxy authentication cannot carry. Check the user name.');
  }
  return { ok: true, value: { mode: input.mode, url, username, passwordFromUrl } };
}
