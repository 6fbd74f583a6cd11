import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { systemPath } from '../../scripts/system-deps.mjs';

const run = promisify(execFile);

/**
 * LibreOffice keeps formula results of an .xlsx as saved unless told to recalculate on load
 * (Tools ▸ Options ▸ Calc ▸ Formula ▸ "Recalculation on file load": Always). The profile says so.
 */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens each workbook in headless LibreOffice Calc, recalculates every formula and saves it as .xlsx
 * again; returns the saved files' paths in the same order. One soffice launch for all of them, with
 * a profile of its own, so parallel runs never share one.
 */
export async function recalculateWithLibreOffice(files: readonly string[]): Promise<{ outputs: string[]; cleanup: () => Promise<void> }> {
  const soffice = systemPath('soffice');
  const home = await mkdtemp(join(tmpdir(), 'cxb-soffice-'));
  await mkdir(join(home, 'profile', 'user'), { recursive: true });
  await writeFile(join(home, 'profile', 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const outDir = join(home, 'out');
  await run(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${join(home, 'profile')}`, '--convert-to', 'xlsx', '--outdir', outDir, ...files], { timeout: 120_000 });
  return { outputs: files.map((f) => join(outDir, basename(f))), cleanup: () => rm(home, { recursive: true, force: true }) };
}
