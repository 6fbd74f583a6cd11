// Types for system-deps.mjs, which stays plain JavaScript so it runs before anything is installed.

/** A program a suite can ask for. */
export type Program = 'chromium' | 'initdb' | 'pg_ctl' | 'postgres' | 'pdftoppm' | 'pdftotext' | 'soffice';

export type SystemEnv = Record<string, string | undefined>;

export interface Part {
  id: string;
  label: string;
  /** The Debian package that provides it. */
  apt: string;
  override: { env: string; kind: 'file' | 'dir' };
  programs: Record<string, string[]>;
  /** Where Debian puts the programs (may depend on what is installed under `rootfs`). */
  debianDirs: (rootfs: string) => string[];
}

export type Located =
  | { paths: Record<string, string>; reason?: undefined; badOverride?: undefined }
  | { paths?: undefined; reason: string; badOverride?: true };

export interface HostFacts {
  isRoot: boolean;
  hasApt: boolean;
}

export const PARTS: Part[];
export function locatePart(part: Part, env?: SystemEnv): Located;
export function checkParts(env?: SystemEnv): Array<{ part: Part } & Located>;
export function installCommand(packages: string[], isRoot: boolean): string;
export class SystemDepsError extends Error {}
export function hostFacts(env?: SystemEnv): HostFacts;
export function ensureSystemDeps(options?: {
  env?: SystemEnv;
  facts?: HostFacts;
  apt?: (args: string[], env: SystemEnv) => void;
  log?: (line: string) => void;
}): { found: Array<{ part: Part } & Located>; installed: string[] };
/** The absolute path of `program`; throws a SystemDepsError naming the install command. */
export function systemPath(program: Program, env?: SystemEnv): string;
