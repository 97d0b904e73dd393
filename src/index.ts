import type { ESLint, Linter } from 'eslint';
import { rules } from '../rules/index.js';
import { createConfigs, type ConfigName } from './configs/index.js';
import { ownPackageJson } from './util/package-json.js';

const { name, version } = ownPackageJson;

/** The plugin, typed as ESLint's own `Plugin` so it drops into `defineConfig` in `eslint.config.ts`. */
export type EventDrivenPlugin = ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  configs: Record<ConfigName, Linter.Config>;
};

const plugin: EventDrivenPlugin = {
  meta: { name, version, namespace: 'event-driven' },
  // typescript-eslint's rule type and ESLint's describe the same objects with different typings.
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
  configs: {} as Record<ConfigName, Linter.Config>,
};

// The presets refer to the plugin itself, so they are attached after it exists.
Object.assign(plugin.configs, createConfigs(plugin, rules));

export default plugin;
export type { EventDrivenSettings, FunctionSpecifier, Settings } from './semantics/index.js';
// `require('eslint-plugin-event-driven')` from an `eslint.config.cjs` (Node ≥ 20.19 loads ESM
// through require) returns the plugin itself rather than a namespace object.
export { plugin as 'module.exports' };
