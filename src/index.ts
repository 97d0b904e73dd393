import type { ESLint, Linter } from 'eslint';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../rules/index.js';
import { createConfigs, type PresetName } from './configs/index.js';

const { name, version } = readOwnPackageJson();

/** The plugin, typed as ESLint's own `Plugin` so it drops into `defineConfig` in `eslint.config.ts`. */
export type EventDrivenPlugin = ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  configs: Record<PresetName, Linter.Config>;
};

const plugin: EventDrivenPlugin = {
  meta: { name, version, namespace: 'event-driven' },
  // typescript-eslint's rule type and ESLint's describe the same objects with different typings.
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
  configs: {} as Record<PresetName, Linter.Config>,
};

// The presets refer to the plugin itself, so they are attached after it exists.
Object.assign(plugin.configs, createConfigs(plugin, rules));

export default plugin;
export type { EventDrivenSettings, FunctionSpecifier } from './semantics/index.js';
// `require('eslint-plugin-event-driven')` from an `eslint.config.cjs` (Node ≥ 20.19 loads ESM
// through require) returns the plugin itself rather than a namespace object.
export { plugin as 'module.exports' };

/** The nearest package.json above this module: `dist/src/` when built, `src/` in tests. */
function readOwnPackageJson(): { name: string; version: string } {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
}
