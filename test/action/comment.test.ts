import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/cli.js';
import { TempRepo } from './repo.js';
import { pullRequestEvent, runAction, workflowCommands } from './run-action.js';

const PETSTORE = readFileSync(fixture('action', 'petstore.yaml'), 'utf8');
const TOKEN = 'ghs_test-token';

interface Comment {
  id: number;
  body: string;
}

/** A stand-in for the part of the GitHub REST API the action uses, on 127.0.0.1. */
class FakeGitHub {
  readonly comments: Comment[] = [{ id: 1, body: 'Looks good to me' }];
  readonly requests: string[] = [];
  forbid = false;
  private nextId = 100;
  private server: Server = createServer((request, response) => void this.handle(request, response));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    this.requests.push(`${request.method} ${request.url}`);
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { message: 'Bad credentials' });
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/repos/acme/pets/issues/7/comments') return send(200, this.comments);
    if (this.forbid) return send(403, { message: 'Resource not accessible by integration' });
    if (request.method === 'POST' && url.pathname === '/repos/acme/pets/issues/7/comments') {
      const comment = { id: this.nextId++, body: (JSON.parse(text) as { body: string }).body };
      this.comments.push(comment);
      return send(201, { ...comment, html_url: `https://github.example/acme/pets/pull/7#issuecomment-${comment.id}` });
    }
    const patch = /^\/repos\/acme\/pets\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (request.method === 'PATCH' && patch) {
      const comment = this.comments.find((c) => c.id === Number(patch[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = (JSON.parse(text) as { body: string }).body;
      return send(200, comment);
    }
    send(404, { message: 'Not Found' });
  }
}

let repo: TempRepo;
let github: FakeGitHub;
let apiUrl: string;
let base: string;
let head: string;
beforeEach(async () => {
  repo = new TempRepo();
  repo.write('petstore.yaml', PETSTORE);
  base = repo.commit('base');
  repo.write('petstore.yaml', PETSTORE.replace('1.0.0', '1.0.1'));
  head = repo.commit('head');
  github = new FakeGitHub();
  apiUrl = await github.start();
});
afterEach(async () => {
  await github.stop();
  repo.remove();
});

const inputs = { spec: 'petstore.yaml', comment: 'true', 'github-token': TOKEN };

describe('the sticky pull request comment', () => {
  it('is created once and then updated in place', async () => {
    const first = await runAction({ workspace: repo.dir, inputs, event: pullRequestEvent(base, head), env: { GITHUB_API_URL: apiUrl } });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('apigate: pull request comment created');
    expect(github.comments).toHaveLength(2);
    const posted = github.comments[1]!;
    expect(posted.body).toMatch(/^<!-- apigate:pull-request-summary -->\n## apigate: ❌ failed/);
    expect(posted.body).toContain('| Errors | 1 |');

    repo.write('petstore.yaml', PETSTORE.replace('                petAge: 3', '                petAge: three'));
    const second = await runAction({ workspace: repo.dir, inputs, event: pullRequestEvent(base, head), env: { GITHUB_API_URL: apiUrl } });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('apigate: pull request comment updated');
    expect(github.comments).toHaveLength(2);
    expect(github.comments[1]!.id).toBe(posted.id);
    expect(github.comments[1]!.body).toContain('## apigate: ✅ passed');
    expect(github.requests).toEqual([
      'GET /repos/acme/pets/issues/7/comments?per_page=100&page=1',
      'POST /repos/acme/pets/issues/7/comments',
      'GET /repos/acme/pets/issues/7/comments?per_page=100&page=1',
      `PATCH /repos/acme/pets/issues/comments/${posted.id}`,
    ]);
  });

  it('is skipped with a notice on 403 (a fork), and the failing gate still fails', async () => {
    github.forbid = true;
    const run = await runAction({ workspace: repo.dir, inputs, event: pullRequestEvent(base, head), env: { GITHUB_API_URL: apiUrl } });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(workflowCommands(run.stdout)).toContain(
      '::notice title=apigate::comment: the token may not comment on this pull request (HTTP 403; pull requests from forks get a read-only token). The result is in the job summary.',
    );
    expect(github.comments).toHaveLength(1);
    expect(run.summary).toContain('## apigate: ❌ failed');
  });
});
