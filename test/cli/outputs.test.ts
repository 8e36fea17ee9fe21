import { describe, expect, it } from 'vitest';
import { pairFormatsWithOutputs } from '../../src/cli/outputs.js';

describe('pairFormatsWithOutputs', () => {
  it.each([
    [['lint', 'a.yaml'], [{ format: 'stylish' }]],
    [['lint', 'a.yaml', '-o', 'out.txt'], [{ format: 'stylish', file: 'out.txt' }]],
    [['lint', '-f', 'json'], [{ format: 'json' }]],
    [['lint', '-fjson'], [{ format: 'json' }]],
    [['lint', '--format=sarif', '--output=x.sarif'], [{ format: 'sarif', file: 'x.sarif' }]],
    [['lint', '-fsarif', '-ox.sarif', '-f', 'stylish'], [{ format: 'sarif', file: 'x.sarif' }, { format: 'stylish' }]],
    [
      ['lint', '-f', 'stylish', '-f', 'sarif', '-o', 'x.sarif', '-f', 'junit', '-o', 'x.xml'],
      [{ format: 'stylish' }, { format: 'sarif', file: 'x.sarif' }, { format: 'junit', file: 'x.xml' }],
    ],
  ])('%j pairs as %j', (args, expected) => {
    expect(pairFormatsWithOutputs(args, 'stylish')).toEqual(expected);
  });

  it.each([
    [['-f', 'json', '-o', 'a', '-o', 'b'], /--output b has no --format/],
    [['-f', 'json', '-o', 'a', '-f', 'sarif', '-o', 'a'], /--output a is given twice/],
    [['-f'], /-f needs a value/],
  ])('%j is a usage error', (args, message) => {
    expect(() => pairFormatsWithOutputs(args, 'stylish')).toThrow(message);
  });
});
