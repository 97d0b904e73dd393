import type { TSESLint } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import { rules } from '../rules/index.js';
import { createConfigs } from './configs/index.js';

const { name, version } = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };

const plugin = {
  meta: { name, version, namespace: 'event-driven' },
  rules,
  configs: {} as Record<'recommended' | 'strict' | 'all', TSESLint.FlatConfig.Config>,
};

// The presets refer to the plugin itself, so they are attached after it exists.
Object.assign(plugin.configs, createConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules));

export default plugin;
export { rules };
export type { EventDrivenSettings, FunctionSpecifier } from './semantics/index.js';
