/** The GitHub Action's entry point, bundled into dist/index.js: the runner starts it with `node`. */
import { sanitizeText } from '../util/escape.js';
import { runAction } from './run.js';
import { workflowCommand } from './workflow.js';

const io = { stdout: (text: string) => void process.stdout.write(text) };

try {
  process.exitCode = await runAction(process.env, io);
} catch (error) {
  // Not an input problem but a defect: still one annotation, and the step fails.
  const message = error instanceof Error ? error.message : String(error);
  io.stdout(workflowCommand('error', { title: 'apigate' }, `internal error: ${sanitizeText(message, 2000)}`));
  if (process.env['RUNNER_DEBUG'] === '1' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}
