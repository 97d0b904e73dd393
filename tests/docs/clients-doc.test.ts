// The recognised-client lists are generated from the catalogue: a new client without `npm run docs` fails here.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCatalogues } from '../../src/semantics/catalogue/index.js';
import { clientsDocPath, readmePath, readmeWithList, renderClientsDoc } from '../../scripts/clients-doc.js';

describe('generated client lists', () => {
  it('docs/clients.md matches the catalogue (run `npm run docs`)', () => {
    expect(fs.readFileSync(clientsDocPath, 'utf8')).toBe(renderClientsDoc());
  });

  it("the README's client list matches the catalogue (run `npm run docs`)", () => {
    const readme = fs.readFileSync(readmePath, 'utf8');
    expect(readmeWithList(readme)).toBe(readme);
  });

  it('names every catalogued client', () => {
    const doc = renderClientsDoc();
    for (const client of allCatalogues) expect(doc).toContain(`### ${client.client}\n`);
  });
});
