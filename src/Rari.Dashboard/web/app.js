// The dashboard page: one snapshot and a stream of activity pushed by the trader over server-sent events; controls
// are POSTs carrying the CSRF token. Charts are TradingView's lightweight-charts (global LightweightCharts).

const csrf = document.querySelector('meta[name="rari-csrf"]').content;
const $ = (id) => document.getElementById(id);
const money = (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const number = (v, digits = 6) => Number(v).toLocaleString('en-US', { maximumFractionDigits: digits });
const percent = (v) => (Number(v) * 100).toFixed(2) + ' %';
const signed = (el, v) => { el.textContent = money(v); el.className = v > 0 ? 'pos' : v < 0 ? 'neg' : ''; };
const time = (ms) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

let symbolsKnown = false;
let latest = null;
const activity = [];
const maxActivity = 500;

function chart(id, color) {
  const el = $(id);
  const c = LightweightCharts.createChart(el, {
    autoSize: true,
    layout: { background: { color: '#ffffff' }, textColor: '#6b7385' },
    grid: { vertLines: { color: '#f0f1f4' }, horzLines: { color: '#f0f1f4' } },
    timeScale: { timeVisible: true, secondsVisible: false },
  });
  return c.addSeries(LightweightCharts.AreaSeries, { lineColor: color, topColor: color + '55', bottomColor: color + '05', lineWidth: 2 });
}

const equitySeries = chart('equity-chart', '#2563eb');
const drawdownSeries = chart('drawdown-chart', '#b42318');

function curves(samples) {
  // lightweight-charts wants strictly increasing whole seconds: keep the last sample of each second.
  const equity = [];
  const drawdown = [];
  let peak = -Infinity;
  for (const s of samples) {
    const t = Math.floor(s.timestampMs / 1000);
    const value = Number(s.equity);
    peak = Math.max(peak, value);
    const dd = peak > 0 ? -((peak - value) / peak) * 100 : 0;
    if (equity.length && equity[equity.length - 1].time === t) {
      equity[equity.length - 1].value = value;
      drawdown[drawdown.length - 1].value = dd;
    } else {
      equity.push({ time: t, value });
      drawdown.push({ time: t, value: dd });
    }
  }
  return { equity, drawdown };
}

function rows(tbody, items, cells) {
  tbody.replaceChildren(...items.map((item) => {
    const tr = document.createElement('tr');
    for (const cell of cells(item)) {
      const td = document.createElement('td');
      if (cell instanceof Node) td.append(cell); else td.textContent = cell;
      tr.append(td);
    }
    return tr;
  }));
}

function badge(text) {
  const span = document.createElement('span');
  span.className = 'badge ' + text;
  span.textContent = text;
  return span;
}

function pnl(v) {
  const span = document.createElement('span');
  signed(span, Number(v));
  return span;
}

// One ladder per symbol that runs a grid: rungs from the highest entry down, the live price as a row between them.
function renderGrids(symbols) {
  const grids = symbols.filter((x) => x.grid && x.grid.rungs.length);
  if (!grids.length) {
    $('grids').replaceChildren(Object.assign(document.createElement('p'), { className: 'muted', textContent: 'no grid is trading' }));
    return;
  }
  $('grids').replaceChildren(...grids.map((x) => {
    const table = document.createElement('table');
    table.className = 'ladder';
    table.dataset.symbol = x.symbol;
    const caption = table.createCaption();
    caption.textContent = `${x.symbol} — grid ${x.grid.phase}, ${x.grid.levels.length} levels`;
    const body = table.createTBody();
    const rungs = [...x.grid.rungs].sort((a, b) => b.entryPrice - a.entryPrice);
    let priceShown = x.lastPrice == null;
    const priceRow = () => {
      const tr = body.insertRow();
      tr.className = 'price';
      tr.insertCell().textContent = number(x.lastPrice);
      tr.insertCell().textContent = 'live price';
      tr.insertCell().colSpan = 2;
    };
    for (const r of rungs) {
      if (!priceShown && x.lastPrice >= r.entryPrice) { priceRow(); priceShown = true; }
      const tr = body.insertRow();
      tr.className = 'rung ' + r.status;
      tr.insertCell().textContent = number(r.entryPrice);
      tr.insertCell().textContent = `${r.side} → take profit ${number(r.exitPrice)}`;
      tr.insertCell().append(badge(r.status));
      tr.insertCell().textContent = r.holding ? `holds ${number(r.holding)}` : '';
    }
    if (!priceShown) priceRow();
    return table;
  }));
}

function renderSnapshot(s) {
  latest = s;
  const o = s.overview;
  $('mode').textContent = o.mode;
  const state = $('trading-state');
  state.textContent = o.tradingState;
  state.className = 'badge ' + o.tradingState;
  $('equity').textContent = money(o.equity);
  signed($('today-pnl'), o.todayPnl);
  signed($('total-pnl'), o.totalPnl);
  $('drawdown').textContent = percent(o.drawdown);
  $('margin-used').textContent = money(o.marginUsed);
  $('available').textContent = money(o.availableBalance);
  const health = o.connected && o.gatewayReconciled ? 'live' : o.gatewayReconciled ? 'partial answers' : 'reconciling';
  $('connection').textContent = health;
  $('connection').className = 'badge ' + (health === 'live' ? 'live' : 'Reducing');

  if (!symbolsKnown && s.symbols.length) {
    symbolsKnown = true;
    for (const select of [$('control-scope'), $('activity-filter')]) {
      for (const sym of s.symbols) select.append(new Option(sym.symbol, sym.symbol));
    }
  }

  rows($('positions').tBodies[0], s.positions, (p) => [p.symbol, p.side, number(p.quantity), number(p.entryPrice), number(p.markPrice), pnl(p.unrealizedPnl), p.leverage > 0 ? p.leverage + '×' : '–', p.marginType]);
  rows($('symbols').tBodies[0], s.symbols, (x) => [x.symbol, x.strategy, badge(x.tradingState), x.isStale ? 'stale' : 'live', String(x.openOrders), x.detail]);
  renderGrids(s.symbols);
  rows($('cluster').tBodies[0], s.cluster, (n) => [n.address + (n.isSelf ? ' (this node)' : ''), n.status, n.roles.join(', '), n.symbols.join(', ') || '–']);

  const limits = $('limits');
  limits.replaceChildren(...s.risk.limits.map((l) => {
    const div = document.createElement('div');
    div.className = 'limit';
    const share = l.limit > 0 ? Math.min(1, Math.max(0, l.used / l.limit)) : 0;
    const bar = document.createElement('div');
    bar.className = 'bar';
    const fill = document.createElement('span');
    fill.style.width = (share * 100).toFixed(1) + '%';
    fill.className = share >= 1 ? 'over' : share >= 0.7 ? 'high' : '';
    bar.append(fill);
    const name = document.createElement('span');
    name.textContent = l.name;
    const figures = document.createElement('span');
    figures.className = 'muted';
    figures.textContent = l.name.includes('USDT') ? `${money(l.used)} / ${money(l.limit)}` : l.name === 'gross leverage' ? `${number(l.used, 2)}× / ${number(l.limit, 2)}×` : `${percent(l.used)} / ${percent(l.limit)}`;
    div.append(name, bar, figures);
    return div;
  }));
  const list = (ul, items, text) => ul.replaceChildren(...(items.length ? items.map((i) => { const li = document.createElement('li'); li.textContent = text(i); return li; }) : [Object.assign(document.createElement('li'), { textContent: 'none', className: 'muted' })]));
  list($('restrictions'), s.risk.restrictions, (r) => `${r.scope}: ${r.level} (${r.cause}) since ${time(r.sinceMs)} — ${r.reason}`);
  list($('breakers'), s.risk.breakers, (b) => `${b.symbol}: until ${time(b.untilMs)} — ${b.reason}`);
  $('verdicts').textContent = `orders approved ${s.risk.approved}, resized ${s.risk.resized}, denied ${s.risk.denied}`;

  const p = s.performance;
  const stats = [
    ['Fills', p.fills], ['Filled notional', money(p.filledNotional) + ' USDT'], ['Fees', money(p.fees) + ' USDT'],
    ['Submitted orders', p.submitted], ['Fill ratio', p.submitted ? percent(p.filledOrders / p.submitted) : '–'],
    ['Rejected by the exchange', p.rejected], ['Unknown outcomes resolved', p.unknownOutcomes],
    ['Max drawdown', percent(p.maxDrawdown)], ['Sharpe (daily, annualised)', number(p.sharpe, 2)],
    ['Round trips since start', p.roundTrips], ['Win rate', p.roundTrips ? percent(p.winRate) : '–'],
    ['Profit factor', p.profitFactor == null ? (p.roundTrips ? '∞ (no loss)' : '–') : number(p.profitFactor, 2)],
  ];
  $('performance-stats').replaceChildren(...stats.flatMap(([k, v]) => [Object.assign(document.createElement('dt'), { textContent: k }), Object.assign(document.createElement('dd'), { textContent: String(v) })]));
  const { equity, drawdown } = curves(p.equity);
  equitySeries.setData(equity);
  drawdownSeries.setData(drawdown);
}

function renderActivity() {
  const filter = $('activity-filter').value;
  const shown = activity.filter((a) => !filter || a.symbol === filter).slice(-200).reverse();
  $('activity').replaceChildren(...shown.map((a) => {
    const li = document.createElement('li');
    li.dataset.symbol = a.symbol;
    const kind = Object.assign(document.createElement('span'), { className: 'kind', textContent: a.kind });
    li.append(kind, `${time(a.timestampMs)} ${a.symbol} ${a.clientOrderId} ${a.detail}`);
    return li;
  }));
}

function addActivity(a) {
  if (activity.length && activity[activity.length - 1].sequence >= a.sequence) return; // already shown (reconnect)
  activity.push(a);
  if (activity.length > maxActivity) activity.shift();
}

let pending = false;
function scheduleActivity() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; renderActivity(); });
}

function connect() {
  const events = new EventSource('/api/events');
  events.addEventListener('snapshot', (e) => renderSnapshot(JSON.parse(e.data)));
  events.addEventListener('activity', (e) => { addActivity(JSON.parse(e.data)); scheduleActivity(); });
  events.onerror = () => { $('connection').textContent = 'reconnecting'; $('connection').className = 'badge lost'; };
}

$('activity-filter').addEventListener('change', renderActivity);

const descriptions = {
  halt: (scope) => `Halt ${scope}? Only orders that reduce a position will pass until you resume.`,
  resume: (scope) => `Resume ${scope}? This lifts every halt and reducing state of ${scope}, including loss-limit and error halts.`,
  flatten: (scope) => `Flatten ${scope}? Every open position of ${scope} is closed at market and ${scope} is halted.`,
};

function confirmControl(action, scopeText) {
  return new Promise((resolve) => {
    const dialog = $('confirm');
    $('confirm-text').textContent = descriptions[action](scopeText);
    $('confirm-reason').value = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok' ? $('confirm-reason').value : null), { once: true });
    dialog.showModal();
  });
}

async function control(action) {
  const symbol = $('control-scope').value;
  const scopeText = symbol || 'all symbols';
  const reason = await confirmControl(action, scopeText);
  if (reason === null) return;
  const result = $('control-result');
  const buttons = document.querySelectorAll('#controls button');
  buttons.forEach((b) => { b.disabled = true; });
  result.textContent = `${action} ${scopeText}: waiting for the risk gate…`;
  result.className = 'muted';
  try {
    const response = await fetch('/api/controls/' + action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Rari-Csrf': csrf },
      body: JSON.stringify({ symbol: symbol || null, reason }),
      credentials: 'same-origin',
    });
    const answer = await response.json();
    result.textContent = `${action} ${scopeText}: ${answer.accepted ? 'done' : 'refused'} — ${answer.message}`;
    result.className = answer.accepted ? 'ok' : 'refused';
  } catch (e) {
    result.textContent = `${action} ${scopeText}: no answer (${e.message}); watch the trading state`;
    result.className = 'refused';
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

for (const action of ['halt', 'resume', 'flatten']) $(action).addEventListener('click', () => control(action));

setInterval(() => {
  if (!latest) return;
  const seconds = Math.max(0, Math.floor((Date.now() - latest.overview.startedAtMs) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  $('uptime').textContent = `${h}h ${String(m).padStart(2, '0')}m ${String(seconds % 60).padStart(2, '0')}s`;
}, 1000);

connect();
