// callmask's forwarding Lambda for Amazon Connect (Node.js 20 or later; no dependencies).
//
// Amazon Connect signs nothing that could reach callmask, so this function is the one hop that
// proves a request came from your AWS account: it forwards the event it is invoked with to callmask
// and signs it with callmask's OWN scheme (not an AWS one):
//   X-Callmask-Timestamp: Unix seconds
//   X-Callmask-Signature: "v1=" + lower-case hex HMAC-SHA256(secret, timestamp + "." + body)
// callmask refuses (403) a missing, wrong or stale signature (default tolerance 5 minutes).
//
// Invoked by:
//   - the contact flows' "Invoke AWS Lambda function" blocks, with the invocation attribute
//     callmaskStep = inbound | connect | menu | transfer-ended (response validation: STRING_MAP);
//     the flat map callmask answers is returned to Connect unchanged ($.External.action, ...);
//   - an EventBridge rule for "Amazon Connect Contact Event" (source aws.connect), forwarded to /events.
//
// Environment: CALLMASK_URL (e.g. https://callmask.example.com, no trailing slash) and
// CALLMASK_SECRET (the same value as callmask.carriers.connect.webhook-secret; keep it encrypted, or
// read it from Secrets Manager at cold start instead).
import { createHmac } from 'node:crypto';

const STEPS = new Set(['inbound', 'connect', 'menu', 'transfer-ended']);

// What the caller hears if callmask cannot be reached: the flow's "hangup" branch.
const UNAVAILABLE = {
  action: 'hangup',
  prompt: 'Sorry, we cannot connect your call right now. Please try again in a few minutes.',
  transferTo: '', callerId: '', timeoutSeconds: '', attempt: '', callmaskCallId: '',
};

export function sign(secret, timestamp, body) {
  return 'v1=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

async function post(path, body, timeoutMs) {
  const timestamp = Math.floor(Date.now() / 1000).toString();
  return fetch(`${process.env.CALLMASK_URL}/webhooks/connect/${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Callmask-Timestamp': timestamp,
      'X-Callmask-Signature': sign(process.env.CALLMASK_SECRET, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
}

export const handler = async (event) => {
  const body = JSON.stringify(event);
  if (event.source === 'aws.connect' && event['detail-type'] === 'Amazon Connect Contact Event') {
    const res = await post('events', body, 10000);
    if (!res.ok) {
      throw new Error(`callmask answered ${res.status}`); // EventBridge retries a failed invocation
    }
    return {};
  }
  const step = event?.Details?.Parameters?.callmaskStep;
  if (event.Name !== 'ContactFlowEvent' || !STEPS.has(step)) {
    throw new Error('not a callmask contact flow step');
  }
  try {
    // Connect waits at most 8 s for the whole invocation.
    const res = await post(step, body, 6000);
    return res.ok ? await res.json() : UNAVAILABLE;
  } catch (e) {
    return UNAVAILABLE;
  }
};
