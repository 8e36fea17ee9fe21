import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverage } from '../../src/coverage/index.js';
import { formatCoverageHtml } from '../../src/coverage/format/html.js';
import { fixture } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

let browser: Browser;
let folder: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run .ci/install-chromium.sh`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  folder = await mkdtemp(join(tmpdir(), 'apigate-html-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

interface OpenedReport {
  page: Page;
  /** Every request the page tried to make besides loading the report itself. */
  requests: string[];
  problems: string[];
}

async function open(name: string, html: string): Promise<OpenedReport> {
  const file = join(folder, name);
  await writeFile(file, html);
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(url);
  return { page, requests, problems };
}

const visibleOperations = (page: Page): Promise<string[]> =>
  page.$$eval('tr.oprow:not([hidden])', (rows) => rows.map((row) => row.querySelector('th')?.textContent ?? ''));

describe('HTML coverage report in Chromium', () => {
  it('renders the operation × status grid, filters by tag and by gaps, and drills down into a cell', async () => {
    const report = await coverage({
      spec: fixture('coverage', 'petstore.yaml'),
      inputs: [{ file: fixture('coverage', 'contract-full.json') }, { file: fixture('coverage', 'traffic.json') }, { file: fixture('coverage', 'session.har'), har: true }],
    });
    const { page, requests, problems } = await open('petstore.html', formatCoverageHtml(report));
    try {
      expect(await page.$$eval('tr.oprow', (rows) => rows.length)).toBe(7);
      expect(await page.$$eval('table.grid thead tr:last-child th', (cells) => cells.map((cell) => cell.textContent))).toEqual([
        'Operation', '200', '201', '204', '400', '404', '4XX', 'default', 'undocumented', 'valid', 'none', 'invalid', 'other identity',
      ]);
      const cellState = (op: number, column: string): Promise<[string, string]> =>
        page.$eval(`tr.oprow[data-op="${op}"] button[data-col="${column}"]`, (button) => [button.className, button.textContent ?? '']);
      expect(await cellState(0, 's:200')).toEqual(['cell hit', '3']);
      expect(await cellState(4, 's:404')).toEqual(['cell miss', '0']);
      expect(await cellState(3, 'undocumented')).toEqual(['cell undoc', '401 500']);
      expect(await cellState(2, 'a:none')).toEqual(['cell miss', '0']);
      expect(await page.$eval('#shown-count', (element) => element.textContent)).toBe('7 of 7 operations shown');
      // Computed colours prove the stylesheet was admitted by the CSP.
      const colours = await page.$eval('tr.oprow[data-op="0"] button[data-col="s:200"]', (button) => getComputedStyle(button).backgroundColor);
      expect(colours).toBe('rgb(217, 242, 227)');

      await page.selectOption('#tag-filter', 'files');
      expect(await visibleOperations(page)).toEqual(['GET/files/{name}.{ext}getFile']);
      expect(await page.$$eval('tr.tagrow:not([hidden])', (rows) => rows.map((row) => row.textContent))).toEqual(['files']);

      await page.selectOption('#tag-filter', '');
      await page.check('#gaps-filter');
      expect(await visibleOperations(page)).toEqual([
        'POST/pets createPet'.replace(' ', ''),
        'GET/pets/minelistMyPets',
        'GET/pets/{petId}getPet',
        'DELETE/pets/{petId}deletePet',
        'GET/files/{name}.{ext}getFile',
      ]);
      expect(await page.$eval('#shown-count', (element) => element.textContent)).toBe('5 of 7 operations shown');
      await page.uncheck('#gaps-filter');
      expect((await visibleOperations(page)).length).toBe(7);

      expect(await page.isHidden('#detail')).toBe(true);
      await page.click('tr.oprow[data-op="3"] button[data-col="undocumented"]');
      expect(await page.$eval('#detail h2', (element) => element.textContent)).toBe('GET /pets/{petId} — undocumented statuses 401, 500');
      const rows = await page.$$eval('#detail tr', (trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      expect(rows.map((row) => [row[3], row[4], row[6]])).toEqual([
        ['none', '401', 'status_code_conformance'],
        ['valid', '500', 'not_a_server_error, status_code_conformance'],
        ['none', '401', ''],
        ['invalid', '401', ''],
      ]);
      await page.click('tr.oprow[data-op="2"] button[data-col="a:none"]');
      expect(await page.$eval('#detail p', (element) => element.textContent)).toBe('Nothing observed here: no request was made with none credentials.');

      expect(requests).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('does not run script injected through the spec or the traffic, and its CSP refuses any other script', async () => {
    const report = await coverage({
      spec: fixture('coverage', 'hostile.yaml'),
      inputs: [{ file: fixture('coverage', 'hostile-report.json') }, { file: fixture('coverage', 'hostile.har'), har: true }],
    });
    const { page, requests, problems } = await open('hostile.html', formatCoverageHtml(report));
    try {
      // Open every drill-down so traffic-supplied text (case ids, identities, check ids) is rendered too.
      for (const button of await page.$$('button.cell:not(.na)')) await button.click();
      await page.click('tr.oprow[data-op="0"] button[data-col="s:200"]');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.$$eval('img', (images) => images.length)).toBe(0);
      expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(2);
      expect(await page.$eval('h1', (element) => element.textContent)).toBe("API coverage: <script>window.__pwned = 'title'</script> Hostile & Co 1' onmouseover='window.__pwned=1");
      const detail = await page.$eval('#detail', (element) => element.textContent ?? '');
      expect(detail).toContain("<script>window.__pwned='case'</script>");
      await page.click('tr.oprow[data-op="0"] button[data-col="s:404"]');
      expect(await page.$eval('#detail td:nth-child(2)', (element) => element.textContent)).toBe(
        'GET /items/<img src=x onerror="window.__pwned=\'har\'">?q=</script><script>window.__pwned=\'query\'</script>',
      );
      expect(await page.$$eval('#tag-filter option', (options) => options.map((option) => option.value))).toEqual(['', '"><img src=x onerror="window.__pwned=\'tag\'">', 'plain']);

      // Were escaping ever to fail, the CSP is the second wall: inline script and inline handlers are refused.
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__csp = "inline ran"';
        document.body.appendChild(script);
        const image = document.createElement('img');
        image.setAttribute('onerror', 'window.__csp = "handler ran"');
        image.src = 'data:,';
        document.body.appendChild(image);
      });
      expect(await page.evaluate(() => (window as unknown as { __csp?: unknown }).__csp)).toBeUndefined();
      expect(requests).toEqual([]);
      expect(problems.filter((problem) => !/Content Security Policy/.test(problem))).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
