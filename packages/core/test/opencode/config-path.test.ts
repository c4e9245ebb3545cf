import { describe, expect, it } from 'vitest';
import { resolveOpencodeConfigPath } from '../../src/opencode/config-path.js';

const HOME = '/home/ada';
const none = () => false;

describe('which opencode config Switchboard writes', () => {
  it('is ~/.config/opencode/opencode.json by default', () => {
    expect(resolveOpencodeConfigPath({}, HOME, none)).toBe('/home/ada/.config/opencode/opencode.json');
  });

  it('is the existing opencode.jsonc when there is one', () => {
    const exists = (path: string) => path === '/home/ada/.config/opencode/opencode.jsonc';
    expect(resolveOpencodeConfigPath({}, HOME, exists)).toBe('/home/ada/.config/opencode/opencode.jsonc');
  });

  it('follows XDG_CONFIG_HOME, as opencode does', () => {
    expect(resolveOpencodeConfigPath({ XDG_CONFIG_HOME: '/xdg' }, HOME, none)).toBe('/xdg/opencode/opencode.json');
  });

  it('is the path chosen in Settings, with ~ expanded', () => {
    expect(resolveOpencodeConfigPath({}, HOME, none, '~/work/opencode.json')).toBe('/home/ada/work/opencode.json');
    expect(resolveOpencodeConfigPath({}, HOME, none, '/etc/opencode.json')).toBe('/etc/opencode.json');
    expect(resolveOpencodeConfigPath({}, HOME, none, '  ')).toBe('/home/ada/.config/opencode/opencode.json');
  });

  it('is SWITCHBOARD_OPENCODE_CONFIG above everything', () => {
    const env = { SWITCHBOARD_OPENCODE_CONFIG: '/tmp/test/opencode.json', XDG_CONFIG_HOME: '/xdg' };
    expect(resolveOpencodeConfigPath(env, HOME, () => true, '/chosen.json')).toBe('/tmp/test/opencode.json');
    expect(resolveOpencodeConfigPath({ SWITCHBOARD_OPENCODE_CONFIG: '' }, HOME, none)).toBe('/home/ada/.config/opencode/opencode.json');
  });
});
