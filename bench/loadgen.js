#!/usr/bin/env node
// loadgen.js — bounded, closed-loop load generator for Twilio-style *signed* voice webhooks.
// No dependencies (Node >= 16). Loopback only: refuses any target host other than 127.0.0.1 / ::1 / localhost.
//
// Each request is an application/x-www-form-urlencoded POST with the parameters Twilio sends for an
// inbound call (AccountSid, ApiVersion, CallSid (unique per request), CallStatus, Called, Caller,
// Direction, From, To, ...), signed like Twilio does:
//   X-Twilio-Signature = base64(HMAC-SHA1(authToken, signUrl + concat(sortedKey + value)))
// where signUrl is the public URL configured at Twilio (defaults to the request URL).
//
// Usage (bench):
//   node bench/loadgen.js --url http://127.0.0.1:18080/webhooks/twilio/voice --token TOKEN --pairs pairs.txt \
//        [--sign-url https://public.example/webhooks/twilio/voice] [--concurrency 32] [--duration 20] \
//        [--warmup 5] [--max-requests 2000000] [--expect '<Dial'] [--json out.json] [--label name]
//   pairs.txt: one "FROM TO [MUST_CONTAIN]" line per dial-in (E.164), '#' comments allowed; requests cycle
//   through the lines. If MUST_CONTAIN is given (e.g. the number the call must be routed to), a 2xx
//   answer whose body lacks it counts as an error (misroute), like a body not matching --expect.
// Usage (single request, prints status + body):
//   node bench/loadgen.js --once --url ... --token ... --from +1... --to +1... [--sign valid|none|forged]
// Other flags: --account-sid AC..., --timeout-ms 10000, --no-keepalive, --extra 'K=V&K2=V2' (added params).
'use strict';
const http = require('http');
const crypto = require('crypto');
const fs = require('fs');
const { URL } = require('url');

function parseArgs(argv) {
  const a = { concurrency: 32, duration: 20, warmup: 5, maxRequests: 2000000, timeoutMs: 10000,
              sign: 'valid', keepalive: true, accountSid: 'AC' + '0'.repeat(32), expect: null };
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i];
    const v = () => { if (i + 1 >= argv.length) throw new Error('missing value for ' + k); return argv[++i]; };
    switch (k) {
      case '--url': a.url = v(); break;
      case '--sign-url': a.signUrl = v(); break;
      case '--token': a.token = v(); break;
      case '--pairs': a.pairs = v(); break;
      case '--from': a.from = v(); break;
      case '--to': a.to = v(); break;
      case '--concurrency': case '-c': a.concurrency = parseInt(v(), 10); break;
      case '--duration': case '-d': a.duration = parseFloat(v()); break;
      case '--warmup': a.warmup = parseFloat(v()); break;
      case '--max-requests': a.maxRequests = parseInt(v(), 10); break;
      case '--timeout-ms': a.timeoutMs = parseInt(v(), 10); break;
      case '--expect': a.expect = v(); break;
      case '--json': a.json = v(); break;
      case '--label': a.label = v(); break;
      case '--account-sid': a.accountSid = v(); break;
      case '--sign': a.sign = v(); break;
      case '--extra': a.extra = v(); break;
      case '--once': a.once = true; break;
      case '--no-keepalive': a.keepalive = false; break;
      case '-h': case '--help':
        console.log(fs.readFileSync(__filename, 'utf8').split('\n').filter(l => l.startsWith('//')).join('\n'));
        process.exit(0);
      default: throw new Error('unknown argument ' + k);
    }
  }
  if (!a.url) throw new Error('--url is required');
  if (a.sign !== 'none' && !a.token) throw new Error('--token is required (or --sign none)');
  if (!['valid', 'none', 'forged'].includes(a.sign)) throw new Error('--sign must be valid|none|forged');
  if (!(a.concurrency >= 1 && a.concurrency <= 4096)) throw new Error('--concurrency must be 1..4096');
  if (!(a.duration > 0 && a.duration <= 600)) throw new Error('--duration must be in (0, 600] s');
  if (!(a.warmup >= 0 && a.warmup <= 120)) throw new Error('--warmup must be in [0, 120] s');
  return a;
}

// Twilio's algorithm (same as twilio-node getExpectedTwilioSignature for scalar params).
function twilioSignature(token, url, params) {
  const data = Object.keys(params).sort().reduce((acc, k) => acc + k + params[k], url);
  return crypto.createHmac('sha1', token).update(Buffer.from(data, 'utf-8')).digest('base64');
}

function country(e164) { return e164 && e164.startsWith('+1') ? 'US' : ''; }

function callParams(a, from, to) {
  const p = {
    AccountSid: a.accountSid,
    ApiVersion: '2010-04-01',
    CallSid: 'CA' + crypto.randomBytes(16).toString('hex'),
    CallStatus: 'ringing',
    Called: to, CalledCountry: country(to),
    Caller: from, CallerCountry: country(from),
    Direction: 'inbound',
    From: from, FromCountry: country(from),
    To: to, ToCountry: country(to),
  };
  if (a.extra) for (const [k, v] of new URLSearchParams(a.extra)) p[k] = v;
  return p;
}

function encodeForm(params) {
  return Object.keys(params).map(k => encodeURIComponent(k) + '=' + encodeURIComponent(params[k])).join('&');
}

function buildRequest(a, from, to) {
  const params = callParams(a, from, to);
  const body = encodeForm(params);
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body),
                    'User-Agent': 'TwilioProxy/1.1 (callmask-loadgen)' };
  if (a.sign === 'valid') headers['X-Twilio-Signature'] = twilioSignature(a.token, a.signUrl || a.url, params);
  if (a.sign === 'forged') headers['X-Twilio-Signature'] = twilioSignature('not-the-auth-token', a.signUrl || a.url, params);
  return { body, headers };
}

function checkLoopback(u) {
  const h = u.hostname.replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', '::1', 'localhost'].includes(h)) throw new Error('refusing non-loopback target ' + u.hostname);
  if (u.protocol !== 'http:') throw new Error('only http:// targets are supported (loopback)');
}

function send(a, target, agent, from, to) {
  const { body, headers } = buildRequest(a, from, to);
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    let done = false;
    const finish = (r) => { if (!done) { done = true; r.us = Number(process.hrtime.bigint() - t0) / 1000; resolve(r); } };
    const req = http.request({ host: target.hostname.replace(/^\[|\]$/g, ''), port: target.port || 80,
                               path: target.pathname + target.search, method: 'POST', headers, agent }, (res) => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => finish({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', e => finish({ error: e.code || e.message }));
    });
    req.setTimeout(a.timeoutMs, () => { req.destroy(new Error('timeout')); });
    req.on('error', e => finish({ error: e.message === 'timeout' ? 'timeout' : (e.code || e.message) }));
    req.end(body);
  });
}

function readPairs(file) {
  const pairs = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const l = line.replace(/#.*/, '').trim();
    if (!l) continue;
    const [from, to, must] = l.split(/[\s,]+/);
    if (!from || !to) throw new Error('bad pair line: ' + line);
    pairs.push([from, to, must || null]);
  }
  if (!pairs.length) throw new Error('no pairs in ' + file);
  return pairs;
}

function pct(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
  return sorted[i];
}

async function phase(a, target, agent, pairs, seconds, record) {
  const lat = [], okLat = [];
  const statusCounts = {}, errorCounts = {};
  let sent = 0, ok = 0, badBody = 0, next = 0;
  const expect = a.expect ? new RegExp(a.expect) : null;
  const t0 = process.hrtime.bigint();
  const endAt = t0 + BigInt(Math.round(seconds * 1e9));
  const cpu0 = process.cpuUsage();
  let sample = null;
  async function worker() {
    while (process.hrtime.bigint() < endAt && sent < a.maxRequests) {
      sent++;
      const [from, to, must] = pairs[next++ % pairs.length];
      const r = await send(a, target, agent, from, to);
      if (!record) continue;
      lat.push(r.us);
      if (r.error) { errorCounts[r.error] = (errorCounts[r.error] || 0) + 1; continue; }
      statusCounts[r.status] = (statusCounts[r.status] || 0) + 1;
      const good = r.status >= 200 && r.status < 300 && (!expect || expect.test(r.body)) && (!must || r.body.includes(must));
      if (good) { ok++; okLat.push(r.us); if (!sample) sample = r.body; }
      else if (r.status >= 200 && r.status < 300) badBody++;
    }
  }
  await Promise.all(Array.from({ length: a.concurrency }, worker));
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  if (!record) return { sent, elapsed };
  lat.sort((x, y) => x - y); okLat.sort((x, y) => x - y);
  const ms = v => (v == null ? null : Math.round(v) / 1000);
  const completed = lat.length;
  return {
    label: a.label || null, url: a.url, signUrl: a.signUrl || a.url, concurrency: a.concurrency,
    durationS: +elapsed.toFixed(3), completed, ok, errors: completed - ok,
    non2xx: Object.entries(statusCounts).filter(([s]) => s < 200 || s >= 300).reduce((n, [, c]) => n + c, 0),
    badBody, socketErrors: errorCounts, statusCounts,
    rps: +(completed / elapsed).toFixed(1), okRps: +(ok / elapsed).toFixed(1),
    latencyMs: { p50: ms(pct(lat, 50)), p90: ms(pct(lat, 90)), p99: ms(pct(lat, 99)), max: ms(lat[lat.length - 1]),
                 mean: ms(lat.reduce((s, v) => s + v, 0) / (completed || 1)) },
    okLatencyMs: { p50: ms(pct(okLat, 50)), p99: ms(pct(okLat, 99)) },
    loadgenCpuPct: +(100 * (cpu.user + cpu.system) / 1e6 / elapsed).toFixed(1),
    pairs: pairs.length, expect: a.expect, sampleOkBody: sample,
  };
}

async function main() {
  const a = parseArgs(process.argv);
  const target = new URL(a.url);
  checkLoopback(target);
  if (a.once) {
    if (!a.from || !a.to) throw new Error('--once needs --from and --to');
    const r = await send(a, target, new http.Agent({ keepAlive: false }), a.from, a.to);
    console.log(`HTTP ${r.status || 'ERR ' + r.error}  (${(r.us / 1000).toFixed(1)} ms)`);
    if (r.body !== undefined) console.log(r.body);
    process.exit(r.error ? 2 : 0);
  }
  if (!a.pairs) throw new Error('--pairs is required');
  const pairs = readPairs(a.pairs);
  const agent = new http.Agent({ keepAlive: a.keepalive, maxSockets: a.concurrency, maxFreeSockets: a.concurrency });
  if (a.warmup > 0) {
    const w = await phase(a, target, agent, pairs, a.warmup, false);
    process.stderr.write(`warmup: ${w.sent} requests in ${w.elapsed.toFixed(1)} s\n`);
  }
  const r = await phase(a, target, agent, pairs, a.duration, true);
  agent.destroy();
  const sock = Object.entries(r.socketErrors).map(([k, v]) => `${k}:${v}`).join(',') || '0';
  console.log(`${(r.label || a.url).padEnd(22)} c=${String(r.concurrency).padStart(4)}  ${r.durationS.toFixed(1)}s  ` +
    `completed=${r.completed}  req/s=${r.rps}  ok/s=${r.okRps}  p50=${r.latencyMs.p50}ms  p90=${r.latencyMs.p90}ms  ` +
    `p99=${r.latencyMs.p99}ms  max=${r.latencyMs.max}ms  errors=${r.errors} (non2xx=${r.non2xx} badBody=${r.badBody} socket=${sock})  ` +
    `loadgenCPU=${r.loadgenCpuPct}%`);
  if (a.json) fs.writeFileSync(a.json, JSON.stringify(r, null, 2) + '\n');
}

main().catch(e => { console.error('loadgen: ' + e.message); process.exit(1); });
