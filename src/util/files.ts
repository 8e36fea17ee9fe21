import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ApigateError } from '../errors.js';
import { displayPath } from './paths.js';

/**
 * Writes through a temporary file and a rename, so a report is either complete or absent: an interrupted
 * run never leaves a half-written SARIF file for a later CI step to upload.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const target = resolve(path);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, target);
  } catch (error) {
    // Cleaning up must not replace the real error (under a path that is not a folder, rm fails too).
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new ApigateError('E_FILE_UNREADABLE', `cannot write ${displayPath(target)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
