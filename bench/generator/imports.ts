/** Collects import specifiers per module while a template is built, then prints them sorted. */
export class Imports {
  private readonly values = new Map<string, Set<string>>();
  private readonly types = new Map<string, Set<string>>();
  private readonly sideEffects = new Set<string>();
  private readonly defaults = new Map<string, string>();

  add(from: string, ...names: readonly string[]): this {
    const set = this.values.get(from) ?? new Set<string>();
    for (const name of names) set.add(name);
    this.values.set(from, set);
    return this;
  }

  type(from: string, ...names: readonly string[]): this {
    const set = this.types.get(from) ?? new Set<string>();
    for (const name of names) set.add(name);
    this.types.set(from, set);
    return this;
  }

  default(from: string, name: string): this {
    this.defaults.set(from, name);
    return this;
  }

  sideEffect(from: string): this {
    this.sideEffects.add(from);
    return this;
  }

  render(): string {
    const modules = [...new Set([...this.values.keys(), ...this.types.keys(), ...this.defaults.keys()])].sort(byPackageThenPath);
    const lines = [...this.sideEffects].sort().map((from) => `import '${from}';`);
    for (const from of modules) {
      const values = [...(this.values.get(from) ?? [])].sort();
      // A name imported as a value needs no separate type import.
      const types = [...(this.types.get(from) ?? [])].filter((name) => !values.includes(name)).sort();
      const named = [...values, ...types.map((name) => `type ${name}`)];
      const defaultName = this.defaults.get(from);
      if (named.length === 0 && defaultName === undefined) continue;
      if (named.length === 0 && defaultName !== undefined) {
        lines.push(`import ${defaultName} from '${from}';`);
      } else if (values.length === 0 && defaultName === undefined) {
        lines.push(`import type { ${types.join(', ')} } from '${from}';`);
      } else {
        const head = defaultName === undefined ? '' : `${defaultName}, `;
        lines.push(`import ${head}{ ${named.join(', ')} } from '${from}';`);
      }
    }
    return lines.join('\n');
  }
}

/** Packages before relative paths, each group alphabetical, as an import sorter would leave them. */
function byPackageThenPath(a: string, b: string): number {
  const relativeA = a.startsWith('.');
  const relativeB = b.startsWith('.');
  if (relativeA !== relativeB) return relativeA ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
