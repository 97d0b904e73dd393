import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The plugin's own package.json: the nearest one above this module (`dist/src/util/` when built, `src/util/` in tests). */
export const ownPackageJson: { readonly name: string; readonly version: string } = readOwnPackageJson();

function readOwnPackageJson(): { name: string; version: string } {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
}
