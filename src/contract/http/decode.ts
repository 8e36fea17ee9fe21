import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createUnzip } from 'node:zlib';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`response body exceeds the ${limit}-byte limit (after decompression)`);
  }
}

export class UnsupportedEncodingError extends Error {}

function decoderFor(encoding: string): Transform | undefined {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
    case 'deflate':
      // createUnzip accepts both gzip and zlib-wrapped deflate, which servers mix up in practice.
      return createUnzip();
    case 'br':
      return createBrotliDecompress();
    case 'identity':
    case '':
      return undefined;
    default:
      throw new UnsupportedEncodingError(`unsupported Content-Encoding "${encoding}"`);
  }
}

/**
 * Reads a response body through its content codings with a cap on the *decoded* size, counted as the
 * bytes stream out, so a few kilobytes of gzip bomb stop at the limit instead of filling memory.
 */
export async function readDecodedBody(source: Readable, contentEncoding: string | undefined, limit: number): Promise<Buffer> {
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)
    .reverse();
  const decoders = encodings.map(decoderFor).filter((decoder): decoder is Transform => decoder !== undefined);
  const stream: Readable =
    decoders.length === 0 ? source : (pipeline as unknown as (...streams: unknown[]) => Readable)(source, ...decoders, () => undefined);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > limit) throw new BodyTooLargeError(limit);
      chunks.push(buffer);
    }
  } finally {
    if (size > limit || !stream.readableEnded) {
      source.destroy();
      for (const decoder of decoders) decoder.destroy();
    }
  }
  return Buffer.concat(chunks);
}
