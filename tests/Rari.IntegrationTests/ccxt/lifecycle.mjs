// A third-party Aster client (ccxt 4.5.84, built from Aster's public documentation by its own authors) trading a full
// order lifecycle against `rari sim`. Run by Rari.IntegrationTests; usable by hand:
//   SIM_URL=http://127.0.0.1:5080 PRIVATE_KEY=0x... node lifecycle.mjs
// Prints one line per step and exits non-zero at the first step that does not behave as Aster would.
import ccxt from 'ccxt';

const simUrl = process.env.SIM_URL;
const privateKey = process.env.PRIVATE_KEY;
const symbol = process.env.SYMBOL ?? 'BTC/USDT:USDT';
if (!simUrl || !privateKey) {
  console.error('set SIM_URL (e.g. http://127.0.0.1:5080) and PRIVATE_KEY (the V3 key of a simulator account)');
  process.exit(2);
}

const wsBase = simUrl.replace(/^http/, 'ws');
const exchange = new ccxt.pro.aster({
  privateKey,
  // A local simulator needs no client-side throttling (ccxt waits 333 ms between calls otherwise).
  enableRateLimit: false,
  options: { defaultType: 'swap', builderFee: false, v3ChainId: 1666, fetchOpenOrders: { warnIfNoSymbol: false } },
});
exchange.urls.api = {
  fapiPublic: `${simUrl}/fapi`, fapiPrivate: `${simUrl}/fapi`,
  sapiPublic: `${simUrl}/api`, sapiPrivate: `${simUrl}/api`,
  ws: {
    public: { swap: `${wsBase}/fstream/stream`, spot: `${wsBase}/fstream/stream` },
    private: { swap: `${wsBase}/fstream/ws`, spot: `${wsBase}/fstream/ws` },
  },
};

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function step(name, action) {
  const started = Date.now();
  const result = await action();
  console.log(`ok ${name} (${Date.now() - started} ms)`);
  return result;
}

async function simAdvance(bars) {
  const response = await fetch(`${simUrl}/_sim/clock/step?bars=${bars}`, { method: 'POST' });
  check(response.ok, `POST /_sim/clock/step answered ${response.status}`);
}

// Replays one minute at a time until every promise has settled, at most maxBars minutes.
async function replayUntil(promises, maxBars) {
  let pending = promises.length;
  const settled = promises.map((p) => p.finally(() => { pending--; }));
  for (let bar = 0; bar < maxBars && pending > 0; bar++) {
    await simAdvance(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  check(pending === 0, `${pending} stream(s) delivered nothing in ${maxBars} replayed minutes`);
  return Promise.all(settled);
}

async function main() {
  await exchange.loadHttpProxyAgent();

  const markets = await step('loadMarkets', () => exchange.loadMarkets());
  check(markets[symbol], `${symbol} is not among the markets`);
  const market = markets[symbol];

  const balance = await step('fetchBalance', () => exchange.fetchBalance({ type: 'swap' }));
  check(balance.USDT && balance.USDT.total > 0, 'no USDT balance');

  await step('setLeverage', () => exchange.setLeverage(10, symbol));

  // The simulator starts (with --manual) before its first replayed minute: replay a few so there is history.
  await simAdvance(5);

  const candles = await step('fetchOHLCV', () => exchange.fetchOHLCV(symbol, '1m', undefined, 5));
  check(candles.length > 0, 'no klines');
  const lastPrice = candles[candles.length - 1][4];

  const book = await step('fetchOrderBook', () => exchange.fetchOrderBook(symbol, 20));
  check(book.bids.length > 0 && book.asks.length > 0 && book.bids[0][0] < book.asks[0][0], 'book is empty or crossed');

  const ticker = await step('fetchTicker', () => exchange.fetchTicker(symbol));
  check(ticker.last > 0, 'ticker without a last price');

  // A resting limit order far from the market: created, listed, cancelled.
  const amount = Math.max(market.limits.amount.min, Number(exchange.amountToPrecision(symbol, 120 / lastPrice)));
  const restingPrice = Number(exchange.priceToPrecision(symbol, lastPrice * 0.9));
  const resting = await step('createOrder limit', () => exchange.createOrder(symbol, 'limit', 'buy', amount, restingPrice));
  check(resting.status === 'open', `resting order status ${resting.status}`);

  const open = await step('fetchOpenOrders', () => exchange.fetchOpenOrders(symbol));
  check(open.some((o) => o.id === resting.id), 'resting order missing from open orders');

  // Subscribe first and wait until the user stream is open: an event published before that is lost, as on Aster.
  const userOrders = exchange.watchOrders(symbol);
  await step('user stream connected', async () => {
    await exchange.authenticate('swap');
    await exchange.client(exchange.getPrivateUrl('swap')).connected;
  });
  const cancelled = await step('cancelOrder', () => exchange.cancelOrder(resting.id, symbol));
  check(cancelled.status === 'canceled', `cancelled order status ${cancelled.status}`);
  const pushed = await step('watchOrders (user stream)', () => userOrders);
  check(pushed.some((o) => o.id === resting.id && o.status === 'canceled'), `no cancellation on the user stream: ${JSON.stringify(pushed.map((o) => o.info))}`);

  const fetched = await step('fetchOrder', () => exchange.fetchOrder(resting.id, symbol));
  check(fetched.status === 'canceled', `fetched order status ${fetched.status}`);

  // A market order opens a position; a reduce-only market order closes it.
  const bought = await step('createOrder market', () => exchange.createOrder(symbol, 'market', 'buy', amount, undefined, { newOrderRespType: 'RESULT' }));
  check(bought.status === 'closed' && bought.filled === amount, `market order ${bought.status} filled ${bought.filled}`);

  const positions = await step('fetchPositions', () => exchange.fetchPositions([symbol]));
  const long = positions.find((p) => p.symbol === symbol);
  check(long && long.side === 'long' && long.contracts === amount, `position ${JSON.stringify(long?.info)}`);

  const trades = await step('fetchMyTrades', () => exchange.fetchMyTrades(symbol));
  check(trades.some((t) => t.order === bought.id), 'market fill missing from my trades');

  // A reduce-only limit order a little above the ask rests, then fills as the replayed market trades through it.
  const { asks } = await exchange.fetchOrderBook(symbol, 5);
  const makerPrice = Number(exchange.priceToPrecision(symbol, asks[0][0] * 1.0002));
  const maker = await step('createOrder limit above the ask', () => exchange.createOrder(symbol, 'limit', 'sell', amount, makerPrice, { reduceOnly: true }));
  check(maker.status === 'open', `maker order status ${maker.status}`);
  const makerFinal = await step('replay until the maker fills', async () => {
    for (let bars = 0; bars < 240; bars++) {
      const state = await exchange.fetchOrder(maker.id, symbol);
      if (state.status === 'closed') return state;
      await simAdvance(1);
    }
    throw new Error(`the order at ${makerPrice} is still unfilled after 240 replayed minutes`);
  });
  check(makerFinal.filled === amount && makerFinal.average === makerPrice, `maker filled ${makerFinal.filled} at ${makerFinal.average}`);

  const after = await step('fetchPositions after close', () => exchange.fetchPositions([symbol]));
  const rest = after.find((p) => p.symbol === symbol);
  check(!rest || !rest.contracts, `position not closed: ${JSON.stringify(rest?.info)}`);

  // Market streams: subscribe, then replay minutes until each has delivered (a subscription sent just before a
  // minute is replayed may miss it, so one minute is not enough to wait for).
  const trades2 = exchange.watchTrades(symbol);
  const ohlcv2 = exchange.watchOHLCV(symbol, '1m');
  const book2 = exchange.watchOrderBook(symbol);
  const streamed = await step('market streams (watchTrades, watchOHLCV, watchOrderBook)', () => replayUntil([trades2, ohlcv2, book2], 10));
  check(streamed[0].length > 0 && streamed[1].length > 0 && streamed[2].bids.length > 0, 'a market stream delivered nothing');

  await exchange.close();
  console.log('lifecycle complete');

  // ccxt keeps a one-hour listenKey keep-alive timer that would hold node open.
  process.exit(0);
}

main().catch(async (error) => {
  console.error(`FAILED: ${error.message}`);
  try { await exchange.close(); } catch { /* already failing */ }
  process.exit(1);
});
