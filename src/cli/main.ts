import { Command, CommanderError } from 'commander';
import { isApigateError } from '../errors.js';
import { sanitizeText } from '../util/escape.js';
import { VERSION } from '../version.js';
import type { CliIo } from './io.js';

type CommandFactory = (io: CliIo, setExitCode: (code: number) => void) => Command;

/**
 * Each command module pulls in its whole engine (Spectral, ajv, undici...), so only the command being run is
 * imported; help and unknown commands load them all so commander can list and suggest them.
 */
const COMMANDS: Record<string, () => Promise<CommandFactory>> = {
  lint: async () => (await import('./lint.js')).lintCommand,
  contract: async () => (await import('./contract.js')).contractCommand,
  coverage: async () => (await import('./coverage.js')).coverageCommand,
  proxy: async () => (await import('./proxy.js')).proxyCommand,
  diff: async () => (await import('./diff.js')).diffCommand,
  demo: async () => (await import('./demo.js')).demoCommand,
};

function commandsToLoad(argv: string[]): string[] {
  const requested = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return requested !== undefined && requested in COMMANDS ? [requested] : Object.keys(COMMANDS);
}

/** Exit codes are a contract: 0 clean, 1 findings at or above the fail severity, 2 usage or input error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function defaultIo(argv: string[]): CliIo {
  return {
    argv,
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env['TERM'] !== 'dumb',
  };
}

/** Runs the CLI and returns the exit code; only `bin/` sets `process.exitCode`. */
export async function main(argv: string[], io: CliIo = defaultIo(argv)): Promise<number> {
  let exitCode = EXIT_OK;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const debug = argv.includes('--debug');
  const program = new Command('apigate')
    .description('OpenAPI quality gate: lint the spec, test the live server against it, gate pull requests.')
    .version(VERSION, '-v, --version')
    .option('--debug', 'print stack traces for errors')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
    })
    .showHelpAfterError('(run apigate --help for usage)');
  for (const name of commandsToLoad(argv)) {
    const factory = await COMMANDS[name]!();
    program.addCommand(factory(io, setExitCode));
  }
  for (const command of program.commands) {
    command
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
      .showHelpAfterError(`(run apigate ${command.name()} --help for usage)`);
  }

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; every other commander error was already printed.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (isApigateError(error)) {
      io.stderr(`apigate: ${sanitizeText(error.message, 2000)}\n`);
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`apigate: internal error: ${sanitizeText(message, 2000)}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}
