import { stat } from 'node:fs/promises';
import { ApigateError } from '../errors.js';

/**
 * The size of a spec file, or the one-line error a user gets when the path is missing, a directory or not a
 * regular file (a FIFO or `/dev/zero` would never finish reading). `shown` is the path as the user should see it.
 */
export async function specFileSize(path: string, shown: string): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ApigateError('E_FILE_UNREADABLE', `${shown}: is a directory, not a spec file`);
    if (!info.isFile()) throw new ApigateError('E_FILE_UNREADABLE', `${shown}: not a regular file`);
    return info.size;
  } catch (error) {
    if (error instanceof ApigateError) throw error;
    throw new ApigateError('E_FILE_NOT_FOUND', `${shown}: no such file`);
  }
}
