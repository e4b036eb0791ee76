import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveAgentConfig, type AgentConfigFlags } from './agent-config.js';

const cases: { name: string; flags: AgentConfigFlags; kinds?: string[]; error?: RegExp }[] = [
  { name: 'the default: no scripts, no reboots', flags: {}, kinds: ['health-check', 'hold', 'install', 'refresh-inventory', 'rollback', 'unhold'] },
  { name: '--allow-reboot adds reboot', flags: { allowReboot: true }, kinds: ['health-check', 'hold', 'install', 'reboot', 'refresh-inventory', 'rollback', 'unhold'] },
  { name: '--allow-scripts adds script', flags: { allowScripts: true }, kinds: ['health-check', 'hold', 'install', 'refresh-inventory', 'rollback', 'script', 'unhold'] },
  { name: '--allow-kinds narrows the list', flags: { allowKinds: 'refresh-inventory, health-check' }, kinds: ['health-check', 'refresh-inventory'] },
  { name: 'reboot in --allow-kinds needs --allow-reboot', flags: { allowKinds: 'install,reboot' }, error: /allow it with --allow-reboot/ },
  { name: 'script in --allow-kinds needs --allow-scripts', flags: { allowKinds: 'script' }, error: /allow it with --allow-scripts/ },
  { name: 'an unknown kind is a usage error', flags: { allowKinds: 'install,format-disk' }, error: /unknown job kind "format-disk"/ },
];

describe('resolveAgentConfig', () => {
  for (const c of cases) {
    it(c.name, () => {
      if (c.error) assert.throws(() => resolveAgentConfig(c.flags), c.error);
      else assert.deepEqual([...resolveAgentConfig(c.flags).allowedKinds].sort(), c.kinds);
    });
  }
});
