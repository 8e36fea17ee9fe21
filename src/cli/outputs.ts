import { ApigateError } from '../errors.js';

export interface OutputTarget {
  format: string;
  /** Absent: standard output. */
  file?: string;
}

/**
 * Pairs each `--output FILE` with the `--format` written before it, so one run can print stylish to the
 * terminal and write SARIF and JUnit files: `-f stylish -f sarif -o out.sarif -f junit -o out.xml`.
 * Commander keeps repeated options in order but not how they interleave, hence this scan of argv.
 */
export function pairFormatsWithOutputs(args: readonly string[], defaultFormat: string): OutputTarget[] {
  const targets: OutputTarget[] = [];
  const pendingOutputs: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    const [flag, inline] = splitInlineValue(arg);
    const value = (): string => {
      if (inline !== undefined) return inline;
      i += 1;
      const next = args[i];
      if (next === undefined) throw new ApigateError('E_USAGE', `${flag} needs a value`);
      return next;
    };
    if (flag === '-f' || flag === '--format') {
      targets.push({ format: value() });
    } else if (flag === '-o' || flag === '--output') {
      const file = value();
      const last = targets.at(-1);
      if (last && last.file === undefined) last.file = file;
      else if (!last) pendingOutputs.push(file);
      else throw new ApigateError('E_USAGE', `--output ${file} has no --format of its own (give each --output after its --format)`);
    }
  }
  if (targets.length === 0) targets.push({ format: defaultFormat, file: pendingOutputs.shift() });
  if (pendingOutputs.length > 0) {
    throw new ApigateError('E_USAGE', `--output ${pendingOutputs[0]} has no --format of its own (give each --output after its --format)`);
  }
  const files = targets.flatMap((target) => (target.file ? [target.file] : []));
  const duplicate = files.find((file, index) => files.indexOf(file) !== index);
  if (duplicate) throw new ApigateError('E_USAGE', `--output ${duplicate} is given twice`);
  return targets;
}

/** `--format=json` and `-fjson` carry their value in the same argument; commander accepts both spellings. */
function splitInlineValue(arg: string): [string, string | undefined] {
  if (arg.startsWith('--') && arg.includes('=')) return [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
  if (/^-[fo]./.test(arg)) return [arg.slice(0, 2), arg.slice(2)];
  return [arg, undefined];
}
