#!/usr/bin/env node
// sessionload.js — closed-loop load of session creation through callmask's API (POST /v1/sessions).
// No dependencies (Node >= 16). Loopback only. Every request opens a session for a new order with its
// own retailer and customer numbers (E.164, +9196…/+9195…, distinct per request and per run), and counts
// as an error unless it answers 201 with both parties holding a masked number (they may share one: each
// party's pair is its own). bench/dial-in.sh checks the routing invariant in the database afterwards.
//
// Usage:
//   node bench/sessionload.js --url http://127.0.0.1:18080 --key API_KEY [--concurrency 16] [--duration 20]
//        [--warmup 5] [--run-id 1] [--json out.json] [--label name]
// The run id (0-99) keeps the numbers of repeated runs against one database apart.
'use strict';
const http = require('http');
const fs = require('fs');
const { URL } = require('url');

function parseArgs(argv) {
  const a = { concurrency: 16, duration: 20, warmup: 5, runId: 0, timeoutMs: 10000 };
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i];
    const v = () => { if (i + 1 >= argv.length) throw new Error('missing value for ' + k); return argv[++i]; };
    switch (k) {
      case '--url': a.url = v(); break;
      case '--key': a.key = v(); break;
      case '--concurrency': case '-c': a.concurrency = parseInt(v(), 10); break;
      case '--duration': case '-d': a.duration = parseFloat(v()); break;
      case '--warmup': a.warmup = parseFloat(v()); break;
      case '--run-id': a.runId = parseInt(v(), 10); break;
      case '--json': a.json = v(); break;
      case '--label': a.label = v(); break;
      default: throw new Error('unknown argument ' + k);
    }
  }
  if (!a.url || !a.key) throw new Error('--url and --key are required');
  if (!(a.concurrency >= 1 && a.concurrency <= 1024)) throw new Error('--concurrency must be 1..1024');
  if (!(a.runId >= 0 && a.runId <= 99)) throw new Error('--run-id must be 0..99');
  const u = new URL(a.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) || u.protocol !== 'http:') {
    throw new Error('only http:// loopback targets');
  }
  a.target = u;
  return a;
}

let serial = 0;
function body(a) {
  const n = String(a.runId).padStart(2, '0') + String(serial++ % 1000000).padStart(6, '0');
  return JSON.stringify({
    reference: 'bench-' + a.runId + '-' + n,
    parties: [{ role: 'retailer', id: 'bench-ret-' + n, number: '+9196' + n },
              { role: 'customer', id: 'bench-cus-' + n, number: '+9195' + n }],
  });
}

function post(a, agent) {
  const payload = body(a);
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: a.target.hostname, port: a.target.port, path: '/v1/sessions', method: 'POST',
      agent, headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + a.key,
                        'Content-Length': Buffer.byteLength(payload) } }, (res) => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => {
        const us = Number(process.hrtime.bigint() - t0) / 1000;
        let good = res.statusCode === 201;
        if (good) {
          try {
            const parties = JSON.parse(Buffer.concat(chunks).toString('utf8')).parties;
            good = parties.length === 2 && parties.every(p => /^\+[1-9][0-9]{6,14}$/.test(p.maskedNumber));
          } catch (e) { good = false; }
        }
        resolve({ us, good, status: res.statusCode });
      });
    });
    req.setTimeout(a.timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', e => resolve({ us: Number(process.hrtime.bigint() - t0) / 1000, good: false, status: e.message }));
    req.end(payload);
  });
}

async function phase(a, agent, seconds) {
  const lat = []; const statuses = {};
  let ok = 0;
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const t0 = process.hrtime.bigint();
  async function worker() {
    while (process.hrtime.bigint() < end) {
      const r = await post(a, agent);
      lat.push(r.us);
      statuses[r.status] = (statuses[r.status] || 0) + 1;
      if (r.good) ok++;
    }
  }
  await Promise.all(Array.from({ length: a.concurrency }, worker));
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  lat.sort((x, y) => x - y);
  const p = q => lat.length ? Math.round(lat[Math.min(lat.length - 1, Math.ceil(q / 100 * lat.length) - 1)]) / 1000 : null;
  return { label: a.label || null, concurrency: a.concurrency, durationS: +elapsed.toFixed(3), completed: lat.length,
           ok, errors: lat.length - ok, statuses, rps: +(lat.length / elapsed).toFixed(1),
           latencyMs: { p50: p(50), p99: p(99), max: p(100) } };
}

async function main() {
  const a = parseArgs(process.argv);
  const agent = new http.Agent({ keepAlive: true, maxSockets: a.concurrency });
  if (a.warmup > 0) await phase(a, agent, a.warmup);
  const r = await phase(a, agent, a.duration);
  agent.destroy();
  console.log(`${(r.label || 'sessions').padEnd(22)} c=${String(r.concurrency).padStart(4)}  ${r.durationS.toFixed(1)}s  ` +
    `completed=${r.completed}  sessions/s=${r.rps}  p50=${r.latencyMs.p50}ms  p99=${r.latencyMs.p99}ms  ` +
    `max=${r.latencyMs.max}ms  errors=${r.errors} ${JSON.stringify(r.statuses)}`);
  if (a.json) fs.writeFileSync(a.json, JSON.stringify(r, null, 2) + '\n');
}

main().catch(e => { console.error('sessionload: ' + e.message); process.exit(1); });
