import { createHash } from 'node:crypto';
import { escapeXml, sanitizeText } from '../../util/escape.js';
import { compareStatusKeys } from '../compute.js';
import { AUTH_SCENARIOS, type CoverageReport, type Observation, type OperationCoverage } from '../types.js';
import { hasGap, percentText, SCENARIO_LABELS, UNTAGGED, type CoverageFormatOptions } from './common.js';

/** Cases listed per cell in the drill-down; the count above the list is always exact. */
const MAX_CASES_PER_CELL = 50;

const STYLE = `
:root{--hit:#1f8f4e;--hit-bg:#d9f2e3;--miss:#b42318;--miss-bg:#fde2e0;--undoc:#8a4b00;--undoc-bg:#ffe7c2;--na:#f2f3f5;--line:#d0d5dd;--text:#1d2433;--muted:#5d6b82}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--text);background:#fff}
header{padding:20px 24px 8px}
h1{font-size:20px;margin:0 0 4px}
.sub{color:var(--muted);margin:0}
.totals{display:flex;gap:12px;flex-wrap:wrap;padding:8px 24px}
.total{border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:190px}
.total b{display:block;font-size:22px}
.total span{color:var(--muted)}
.bar{height:6px;background:var(--miss-bg);border-radius:3px;margin-top:6px;overflow:hidden}
.bar i{display:block;height:100%;background:var(--hit)}
.controls{display:flex;gap:16px;align-items:center;padding:8px 24px;flex-wrap:wrap}
.legend{display:flex;gap:10px;color:var(--muted)}
.legend span::before{content:"";display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:4px;vertical-align:-2px;border:1px solid var(--line)}
.legend .l-hit::before{background:var(--hit-bg)}.legend .l-miss::before{background:var(--miss-bg)}.legend .l-undoc::before{background:var(--undoc-bg)}.legend .l-na::before{background:var(--na)}
.wrap{padding:8px 24px 24px;overflow-x:auto}
table.grid{border-collapse:separate;border-spacing:0}
.grid th,.grid td{border-bottom:1px solid var(--line);padding:0}
.grid thead th{font-weight:600;font-size:12px;color:var(--muted);padding:4px 6px;text-align:center;white-space:nowrap;position:sticky;top:0;background:#fff}
.grid thead tr.groups th{border-bottom:none;text-transform:uppercase;letter-spacing:.04em}
.grid th.op{text-align:left;padding:6px 12px 6px 0;white-space:nowrap;font-weight:400}
.grid tbody tr.tagrow th{text-align:left;padding:14px 0 4px;font-size:13px;font-weight:700;color:var(--text)}
.method{display:inline-block;min-width:58px;font:600 11px ui-monospace,monospace;padding:2px 6px;border-radius:4px;background:#e8edf6;margin-right:6px;text-align:center}
.path{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.opid{color:var(--muted);margin-left:8px;font-size:12px}
.grid td{text-align:center;padding:2px}
.cell{width:100%;min-width:52px;height:28px;border:1px solid transparent;border-radius:4px;font:600 12px ui-monospace,monospace;cursor:pointer}
.cell.hit{background:var(--hit-bg);color:var(--hit)}
.cell.miss{background:var(--miss-bg);color:var(--miss)}
.cell.undoc{background:var(--undoc-bg);color:var(--undoc)}
.cell.na{background:var(--na);color:#9aa4b2;cursor:default}
.cell.sel{outline:2px solid #2457c5;outline-offset:1px}
td.sep{border-left:2px solid var(--line)}
#detail{margin:0 24px 24px;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
#detail h2{font-size:15px;margin:0 0 8px}
#detail table{border-collapse:collapse;width:100%}
#detail td,#detail th{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;font-size:13px;vertical-align:top}
#detail .fail{color:var(--miss)}
.muted{color:var(--muted)}
.warn{margin:8px 24px;padding:8px 12px;background:var(--undoc-bg);border-radius:6px}
${Array.from({ length: 101 }, (_, percent) => `.w${percent}{width:${percent}%}`).join('')}
`;

const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('coverage-data').textContent);
  var tagSelect = document.getElementById('tag-filter');
  var gapsOnly = document.getElementById('gaps-filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.oprow'));
  var tagRows = Array.prototype.slice.call(document.querySelectorAll('tr.tagrow'));
  var shown = document.getElementById('shown-count');
  function applyFilters() {
    var tag = tagSelect.value;
    var visible = 0;
    rows.forEach(function (row) {
      var op = data.operations[Number(row.getAttribute('data-op'))];
      var ok = (tag === '' || op.tags.indexOf(tag) !== -1) && (!gapsOnly.checked || op.gap);
      row.hidden = !ok;
      if (ok) visible += 1;
    });
    tagRows.forEach(function (tagRow) {
      var any = rows.some(function (row) { return !row.hidden && row.getAttribute('data-group') === tagRow.getAttribute('data-group'); });
      tagRow.hidden = !any;
    });
    shown.textContent = visible + ' of ' + rows.length + ' operations shown';
  }
  function cell(tag, text, className) {
    var element = document.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    return element;
  }
  function showCell(button) {
    Array.prototype.forEach.call(document.querySelectorAll('.cell.sel'), function (other) { other.classList.remove('sel'); });
    button.classList.add('sel');
    var op = data.operations[Number(button.getAttribute('data-op'))];
    var column = button.getAttribute('data-col');
    var entry = op.cells[column] || { total: 0, cases: [] };
    var detail = document.getElementById('detail');
    detail.hidden = false;
    detail.replaceChildren();
    detail.appendChild(cell('h2', op.key + ' \\u2014 ' + button.getAttribute('data-label')));
    detail.appendChild(cell('p', entry.total === 0 ? 'Nothing observed here: ' + entry.hint : entry.total + ' exchange' + (entry.total === 1 ? '' : 's') + (entry.total > entry.cases.length ? ' (first ' + entry.cases.length + ' listed)' : ''), 'muted'));
    if (entry.cases.length === 0) return;
    var table = document.createElement('table');
    var head = document.createElement('tr');
    ['Source', 'Case', 'Identity', 'Auth', 'Status', 'Time', 'Failed checks'].forEach(function (name) { head.appendChild(cell('th', name)); });
    table.appendChild(head);
    entry.cases.forEach(function (index) {
      var o = data.observations[index];
      var row = document.createElement('tr');
      row.appendChild(cell('td', o.source));
      row.appendChild(cell('td', o.label));
      row.appendChild(cell('td', o.identity || ''));
      row.appendChild(cell('td', o.scenario));
      row.appendChild(cell('td', o.status === null ? 'no response' : String(o.status)));
      row.appendChild(cell('td', o.duration === null ? '' : o.duration + ' ms'));
      row.appendChild(cell('td', o.failed.join(', '), o.failed.length ? 'fail' : ''));
      table.appendChild(row);
    });
    detail.appendChild(table);
  }
  tagSelect.addEventListener('change', applyFilters);
  gapsOnly.addEventListener('change', applyFilters);
  document.getElementById('grid').addEventListener('click', function (event) {
    var target = event.target.closest ? event.target.closest('button.cell') : null;
    if (target && !target.classList.contains('na')) showCell(target);
  });
  applyFilters();
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** JSON inside `<script type="application/json">`: nothing in it can close the element or start markup. */
function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function text(value: string, max = 300): string {
  return escapeXml(sanitizeText(value, max));
}

interface CellData {
  total: number;
  cases: number[];
  hint: string;
}

/**
 * One self-contained page: the grid is rendered here with every spec and traffic string escaped; the small
 * script only filters rows and fills the drill-down with `textContent`. The CSP admits exactly that script
 * and stylesheet by hash, so even markup that slipped through could not run or load anything.
 */
export function formatCoverageHtml(report: CoverageReport, options: CoverageFormatOptions = {}): string {
  const statusColumns = [...new Set(report.operations.flatMap((entry) => entry.responses.map((response) => response.status)))].sort(compareStatusKeys);
  const anyUndocumented = report.operations.some((entry) => entry.undocumented.length > 0);
  const anySecured = report.operations.some((entry) => entry.operation.secured);
  const scenarios = anySecured ? AUTH_SCENARIOS : [];
  const usedObservations = new Map<number, number>();
  const observationData: unknown[] = [];
  const reference = (index: number): number => {
    let position = usedObservations.get(index);
    if (position === undefined) {
      position = observationData.length;
      usedObservations.set(index, position);
      observationData.push(observationView(report.observations[index]));
    }
    return position;
  };

  const operationsData = report.operations.map((entry) => {
    const cells: Record<string, CellData> = {};
    const byColumn = new Map<string, number[]>();
    for (const index of entry.observations) {
      const observation = report.observations[index];
      if (!observation) continue;
      for (const column of columnsOf(entry, observation)) {
        const list = byColumn.get(column) ?? [];
        list.push(index);
        byColumn.set(column, list);
      }
    }
    for (const response of entry.responses) {
      const list = byColumn.get(`s:${response.status}`) ?? [];
      cells[`s:${response.status}`] = { total: list.length, cases: list.slice(0, MAX_CASES_PER_CELL).map(reference), hint: `no exchange got a ${response.status} response.` };
    }
    if (entry.undocumented.length > 0) {
      const list = byColumn.get('undocumented') ?? [];
      cells['undocumented'] = { total: list.length, cases: list.slice(0, MAX_CASES_PER_CELL).map(reference), hint: '' };
    }
    for (const slot of entry.auth) {
      const list = byColumn.get(`a:${slot.scenario}`) ?? [];
      cells[`a:${slot.scenario}`] = { total: list.length, cases: list.slice(0, MAX_CASES_PER_CELL).map(reference), hint: `no request was made with ${SCENARIO_LABELS[slot.scenario]} credentials.` };
    }
    return { key: sanitizeText(entry.operation.key, 300), tags: entry.operation.tags.length > 0 ? entry.operation.tags.map((tag) => sanitizeText(tag, 200)) : [UNTAGGED], gap: hasGap(entry), cells };
  });

  const tags = [...new Set(operationsData.flatMap((operation) => operation.tags))];
  const title = [report.spec.title, report.spec.version].filter((part) => part !== '').join(' ') || report.spec.source;
  const totalsHtml = [
    totalCard('Operations covered', report.totals.operations),
    totalCard('Documented responses covered', report.totals.responses),
    totalCard('Auth scenarios covered', report.totals.auth),
  ].join('');

  const headerGroups =
    `<tr class="groups"><th></th><th colspan="${statusColumns.length + (anyUndocumented ? 1 : 0)}">Responses</th>` +
    (scenarios.length > 0 ? `<th colspan="${scenarios.length}">Auth scenarios</th>` : '') +
    '</tr>';
  const headerColumns =
    '<tr><th class="op">Operation</th>' +
    statusColumns.map((status) => `<th>${text(status, 20)}</th>`).join('') +
    (anyUndocumented ? '<th>undocumented</th>' : '') +
    scenarios.map((scenario) => `<th>${escapeXml(SCENARIO_LABELS[scenario])}</th>`).join('') +
    '</tr>';

  const bodyRows: string[] = [];
  const groups = new Map<string, number[]>();
  report.operations.forEach((entry, index) => {
    const group = entry.operation.tags[0] ?? UNTAGGED;
    const list = groups.get(group) ?? [];
    list.push(index);
    groups.set(group, list);
  });
  const columnCount = 1 + statusColumns.length + (anyUndocumented ? 1 : 0) + scenarios.length;
  let groupNumber = 0;
  for (const [group, indices] of groups) {
    groupNumber += 1;
    bodyRows.push(`<tr class="tagrow" data-group="${groupNumber}"><th colspan="${columnCount}">${text(group, 200)}</th></tr>`);
    for (const index of indices) {
      const entry = report.operations[index];
      if (entry) bodyRows.push(operationRow(entry, index, groupNumber, statusColumns, anyUndocumented, scenarios));
    }
  }

  const warnings = report.warnings.map((warning) => `<p class="warn">${text(warning, 1000)}</p>`).join('');
  const unmatched = report.unmatched.length > 0 ? `<p class="warn">${report.unmatched.length} exchange${report.unmatched.length === 1 ? '' : 's'} matched no operation of the spec.</p>` : '';
  const data = embedJson({ operations: operationsData, observations: observationData });
  const csp = `default-src 'none'; script-src ${sha256(SCRIPT)}; style-src ${sha256(STYLE)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const generator = options.toolVersion ? ` · apigate ${text(options.toolVersion, 40)}` : '';

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>API coverage: ${text(title, 200)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>API coverage: ${text(title, 200)}</h1>
<p class="sub">${report.totals.exchanges} exchange${report.totals.exchanges === 1 ? '' : 's'} from ${report.inputs.length} input${report.inputs.length === 1 ? '' : 's'}${report.inputs.length > 0 ? ` (${report.inputs.map((input) => text(input.file, 200)).join(', ')})` : ''}${generator}</p>
</header>
<section class="totals">${totalsHtml}</section>
${warnings}${unmatched}
<section class="controls">
<label>Tag <select id="tag-filter"><option value="">all tags</option>${tags.map((tag) => `<option value="${escapeXml(tag)}">${escapeXml(tag)}</option>`).join('')}</select></label>
<label><input type="checkbox" id="gaps-filter"> only operations with gaps</label>
<span id="shown-count" class="muted"></span>
<span class="legend"><span class="l-hit">covered</span><span class="l-miss">not covered</span><span class="l-undoc">undocumented status seen</span><span class="l-na">not applicable</span></span>
</section>
<div class="wrap">
<table class="grid" id="grid">
<thead>${headerGroups}${headerColumns}</thead>
<tbody>
${bodyRows.join('\n')}
</tbody>
</table>
</div>
<section id="detail" hidden></section>
<script type="application/json" id="coverage-data">${data}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function totalCard(label: string, value: { covered: number; total: number; percent: number | null }): string {
  const width = value.percent === null ? 0 : Math.round(value.percent);
  // Widths come from a fixed set of classes because the CSP forbids inline style attributes.
  return `<div class="total"><b>${escapeXml(percentText(value))}</b><span>${escapeXml(label)} (${value.covered}/${value.total})</span><div class="bar"><i class="w${width}"></i></div></div>`;
}

function operationRow(
  entry: OperationCoverage,
  index: number,
  group: number,
  statusColumns: string[],
  anyUndocumented: boolean,
  scenarios: readonly string[],
): string {
  const cells: string[] = [];
  for (const status of statusColumns) {
    const response = entry.responses.find((candidate) => candidate.status === status);
    if (!response) cells.push(`<td><button class="cell na" type="button" disabled aria-label="not documented"></button></td>`);
    else {
      const label = `${status} response${response.observed.length > 0 && response.observed.join(',') !== status ? ` (${response.observed.join(', ')})` : ''}`;
      cells.push(cellButton(index, `s:${status}`, label, response.covered ? 'hit' : 'miss', response.covered ? String(response.hits) : '0'));
    }
  }
  if (anyUndocumented) {
    cells.push(
      entry.undocumented.length > 0
        ? cellButton(index, 'undocumented', `undocumented statuses ${entry.undocumented.map((item) => item.status).join(', ')}`, 'undoc', entry.undocumented.map((item) => item.status).join(' '), true)
        : `<td class="sep"><button class="cell na" type="button" disabled aria-label="none"></button></td>`,
    );
  }
  scenarios.forEach((scenario, position) => {
    const slot = entry.auth.find((candidate) => candidate.scenario === scenario);
    const separator = position === 0;
    if (!slot || (!slot.expected && !slot.covered)) {
      cells.push(`<td${separator ? ' class="sep"' : ''}><button class="cell na" type="button" disabled aria-label="not applicable"></button></td>`);
    } else {
      cells.push(cellButton(index, `a:${scenario}`, `${SCENARIO_LABELS[scenario as keyof typeof SCENARIO_LABELS]} credentials`, slot.covered ? 'hit' : 'miss', slot.covered ? String(slot.hits) : '0', separator));
    }
  });
  const operationId = entry.operation.operationId ? `<span class="opid">${text(entry.operation.operationId, 120)}</span>` : '';
  const state = entry.exercised ? '' : ' <span class="muted">(not exercised)</span>';
  return `<tr class="oprow" data-op="${index}" data-group="${group}"><th class="op" scope="row"><span class="method">${text(entry.operation.method, 10)}</span><span class="path">${text(entry.operation.path)}</span>${operationId}${state}</th>${cells.join('')}</tr>`;
}

function cellButton(index: number, column: string, label: string, state: 'hit' | 'miss' | 'undoc', content: string, separator = false): string {
  return `<td${separator ? ' class="sep"' : ''}><button class="cell ${state}" type="button" data-op="${index}" data-col="${escapeXml(column)}" data-label="${text(label, 200)}" title="${text(label, 200)}">${text(content, 40)}</button></td>`;
}

function columnsOf(entry: OperationCoverage, observation: Observation): string[] {
  const columns: string[] = [];
  if (observation.status !== null) {
    const response = entry.responses.find((candidate) => candidate.observed.includes(observation.status as number));
    columns.push(response ? `s:${response.status}` : 'undocumented');
    if (entry.operation.secured) columns.push(`a:${observation.scenario}`);
  }
  return columns;
}

function observationView(observation: Observation | undefined): Record<string, unknown> {
  if (!observation) return {};
  const label = observation.input === 'contract' ? (observation.caseId ?? observation.kind ?? '') : `${observation.method} ${observation.url ?? ''}`;
  return {
    source: sanitizeText(observation.source, 200),
    label: sanitizeText(label, 300),
    identity: observation.identity !== undefined ? sanitizeText(observation.identity, 100) : '',
    scenario: SCENARIO_LABELS[observation.scenario],
    status: observation.status,
    duration: observation.durationMs ?? null,
    failed: observation.failedChecks.map((check) => sanitizeText(check, 80)),
  };
}
