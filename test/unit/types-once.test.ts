import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

/**
 * A type has one home (issue 10): a second `type Actor = …` in another file drifts from the first
 * the day one of them changes. Scans the top-level type and interface declarations of the code.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['server', 'views', 'db', 'seeds', 'scripts'];
const DECLARATION = /^(?:export\s+)?(?:declare\s+)?(?:type|interface)\s+([A-Za-z_$][\w$]*)/;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(e.name) ? [path] : [];
  });
}

/** Name → the file:line of every top-level declaration of that name. */
export function declarations(files: readonly string[], read: (f: string) => string = (f) => readFileSync(f, 'utf8')): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files) {
    read(file).split('\n').forEach((line, i) => {
      const name = DECLARATION.exec(line)?.[1];
      if (name) found.set(name, [...(found.get(name) ?? []), `${relative(ROOT, file)}:${i + 1}`]);
    });
  }
  return found;
}

test('no type or interface is declared twice', () => {
  const twice = [...declarations(SCANNED.flatMap((d) => sourceFiles(join(ROOT, d))))].filter(([, at]) => at.length > 1);
  expect(twice.map(([name, at]) => `${name}: ${at.join(', ')}`)).toEqual([]);
});

test('the scan finds a repeated declaration', () => {
  const files = { 'a.ts': 'type Actor = { id: number };\n', 'b.ts': 'export interface Actor { id: number }\nexport type Other = 1;\n' };
  const found = declarations(Object.keys(files), (f) => files[f as keyof typeof files]);
  expect(found.get('Actor')).toHaveLength(2);
  expect(found.get('Other')).toHaveLength(1);
});
