import type { IncomingMessage, ClientRequest, RequestOptions } from 'node:http';
import type { Duplex } from 'node:stream';

/** Serialises a status line and raw header list the way the server sent them. */
function head(statusCode: number, statusMessage: string, rawHeaders: readonly string[]): string {
  let text = `HTTP/1.1 ${statusCode} ${statusMessage}\r\n`;
  for (let i = 0; i < rawHeaders.length; i += 2) text += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`;
  return `${text}\r\n`;
}

/**
 * Relays a protocol upgrade (WebSocket and friends): the handshake goes upstream with its `Connection` and
 * `Upgrade` headers intact, and once the server switches protocols the two sockets are piped together. The
 * frames are not inspected; a server that declines the upgrade has its ordinary response relayed instead.
 */
export function tunnelUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  bufferedHead: Buffer,
  send: (options: RequestOptions) => ClientRequest,
  options: RequestOptions,
  done: (status: number | null, error?: string) => void,
): void {
  let finished = false;
  const finish = (status: number | null, error?: string): void => {
    if (finished) return;
    finished = true;
    done(status, error);
  };
  const upstream = send({ ...options, headers: req.rawHeaders as unknown as Record<string, string> });
  upstream.on('upgrade', (response, upstreamSocket, upstreamHead) => {
    socket.write(head(response.statusCode ?? 101, response.statusMessage ?? 'Switching Protocols', response.rawHeaders));
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (bufferedHead.length > 0) upstreamSocket.write(bufferedHead);
    upstreamSocket.pipe(socket);
    socket.pipe(upstreamSocket);
    const close = (): void => {
      upstreamSocket.destroy();
      socket.destroy();
    };
    upstreamSocket.on('error', close);
    socket.on('error', close);
    upstreamSocket.on('close', close);
    socket.on('close', close);
    finish(response.statusCode ?? 101);
  });
  upstream.on('response', (response) => {
    socket.write(head(response.statusCode ?? 502, response.statusMessage ?? '', response.rawHeaders));
    response.pipe(socket);
    response.on('end', () => finish(response.statusCode ?? null));
  });
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code ?? error.message;
    const body = `apigate proxy: cannot reach the server: ${reason}\n`;
    socket.end(`HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    finish(null, `upstream error: ${reason}`);
  });
  socket.on('error', () => upstream.destroy());
  upstream.end();
}
