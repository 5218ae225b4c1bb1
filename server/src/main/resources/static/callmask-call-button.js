/*
 * <callmask-call-button order-id="…" token="…">: the retailer presses it, callmask rings the retailer's
 * phone from a masked number and bridges the customer when the retailer answers.
 * Framework-free (a custom element with a shadow root), no dependencies; see docs/call-button.md.
 *
 * Attributes: order-id (required), token (a retailer token from POST /v1/retailer-tokens), api-base
 * (default: this page's origin), label. Property: fetcher, a fetch-compatible function used instead of
 * fetch (e.g. one that goes through the platform's backend; then no token is needed).
 * Events (bubbling, composed): callmask:call-started, callmask:call-failed.
 */
(function () {
  "use strict";
  if (typeof window === "undefined" || !window.customElements || window.customElements.get("callmask-call-button")) {
    return;
  }

  const PROBLEM = "urn:callmask:problem:";
  const DEFAULT_LABEL = "Call customer";
  // After a call started the button stays disabled this long, so a double click (or an impatient second
  // press while the phone is about to ring) cannot start a second call.
  const COOL_DOWN_MS = 4000;

  // Country calling codes of one and two digits (ITU E.164 assignments); all others have three. Enough to
  // split "+918047180001" into "+91" and "8047180001" without a phone-number library.
  const ONE_DIGIT = ["1", "7"];
  const TWO_DIGITS = ("20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 "
    + "65 66 81 82 84 86 90 91 92 93 94 95 98").split(" ");

  /** The same shape as callmask's Redaction.redact: "+91 80•••••001". */
  function redact(e164) {
    const digits = String(e164 || "").replace(/[^0-9]/g, "");
    if (!/^\+?[0-9]{4,15}$/.test(String(e164 || "").replace(/[\s-]/g, ""))) {
      return "•••";
    }
    const ccLength = ONE_DIGIT.includes(digits.slice(0, 1)) ? 1 : TWO_DIGITS.includes(digits.slice(0, 2)) ? 2 : 3;
    const cc = digits.slice(0, ccLength);
    const national = digits.slice(ccLength);
    if (national.length < 6) {
      return "+" + cc + " " + "•".repeat(national.length);
    }
    return "+" + cc + " " + national.slice(0, 2) + "•".repeat(national.length - 5) + national.slice(-3);
  }

  function inWords(seconds) {
    if (!seconds || seconds < 1) {
      return "in a moment";
    }
    if (seconds < 90) {
      return "in " + seconds + " s";
    }
    if (seconds < 90 * 60) {
      return "in " + Math.ceil(seconds / 60) + " min";
    }
    return "in " + Math.ceil(seconds / 3600) + " h";
  }

  /** What the retailer reads for each problem type POST /v1/masked-calls answers with. */
  function messageFor(failure) {
    const later = inWords(failure.retryAfterSeconds);
    switch (failure.type) {
      case "order-not-active":
        return "This order is closed or cancelled, so its customer can no longer be called.";
      case "unknown-order":
        return "This order is not known to the calling service yet. Try again in a minute.";
      case "order-not-owned":
        return "This order belongs to another shop.";
      case "rate-limited":
        return "You have reached your call limit. Try again " + later + ".";
      case "outside-allowed-hours":
        return "Calls to this customer are not allowed at this hour. Try again " + later + ".";
      case "retailer-blocked":
        return "Calling is paused for your shop. Please contact support.";
      case "token-expired":
        return "Your sign-in for calling has expired. Reload the page and try again.";
      case "token-invalid":
      case "unauthorized":
      case "forbidden":
        return "Calling is not authorised here. Reload the page or contact support.";
      case "pool-exhausted":
      case "allocation-contention":
      case "database-unavailable":
        return "Calling is busy right now. Try again " + later + ".";
      case "carrier-error":
        return "The phone network did not accept the call. Try again.";
      case "network":
        return "Could not reach the calling service. Check your connection and try again.";
      case "not-configured":
        return "This call button has no token or fetcher; the page must provide one.";
      default:
        return "The call could not be started (error " + (failure.status || "unknown") + "). Try again.";
    }
  }

  const STYLE = `
    :host { display: inline-block; font-family: var(--callmask-font, inherit); }
    :host([hidden]) { display: none; }
    button {
      font: inherit; cursor: pointer; border: 0; display: inline-flex; align-items: center; gap: .5em;
      padding: var(--callmask-button-padding, .55em 1.1em); border-radius: var(--callmask-button-radius, .5em);
      background: var(--callmask-button-background, #0b6e4f); color: var(--callmask-button-color, #fff);
      min-height: 44px;
    }
    button:hover:not(:disabled) { filter: brightness(1.1); }
    button:focus-visible { outline: 3px solid var(--callmask-focus-color, #f4b400); outline-offset: 2px; }
    button:disabled { cursor: default; opacity: .7; }
    .spinner {
      display: none; width: .9em; height: .9em; border-radius: 50%;
      border: 2px solid currentColor; border-right-color: transparent; animation: spin .8s linear infinite;
    }
    :host([state="loading"]) .spinner { display: inline-block; }
    @keyframes spin { to { transform: rotate(360deg); } }
    .status { margin: .4em 0 0; font-size: .9em; min-height: 1.2em; }
    .status:empty { display: none; }
    :host([state="success"]) .status { color: var(--callmask-success-color, #0b6e4f); }
    :host([state="error"]) .status { color: var(--callmask-error-color, #b3261e); }
    @media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
  `;

  class CallmaskCallButton extends HTMLElement {
    static get observedAttributes() {
      return ["order-id", "label"];
    }

    constructor() {
      super();
      this._fetcher = null;
      this._inFlight = false;
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = "<style>" + STYLE + "</style>"
        + '<button part="button" type="button"><span class="spinner" part="spinner" aria-hidden="true"></span>'
        + '<span part="label"></span></button>'
        + '<p class="status" part="status" role="status" aria-live="polite"></p>';
      this._button = root.querySelector("button");
      this._label = root.querySelector("[part=label]");
      this._status = root.querySelector(".status");
      this._button.addEventListener("click", () => this.call());
    }

    connectedCallback() {
      if (!this.hasAttribute("state")) {
        this._show("idle", "");
      }
    }

    attributeChangedCallback(name, before, after) {
      if (name === "order-id" && before !== null && before !== after) {
        this.reset();
      } else if (!this._inFlight) {
        this._label.textContent = this._idleLabel();
      }
    }

    /** A fetch-compatible function (url, init) → Promise<Response>; replaces fetch and the token. */
    get fetcher() {
      return this._fetcher;
    }

    set fetcher(value) {
      this._fetcher = typeof value === "function" ? value : null;
    }

    /** idle, loading, success or error. */
    get state() {
      return this.getAttribute("state") || "idle";
    }

    /** Back to idle, e.g. after the page reopened an order. */
    reset() {
      if (!this._inFlight) {
        this._show("idle", "");
      }
    }

    /** Starts the call, as a click does; a second call while one is in flight or cooling down does nothing. */
    async call() {
      if (this._inFlight) {
        return;
      }
      this._inFlight = true;
      this._show("loading", "");
      const orderId = this.getAttribute("order-id") || "";
      try {
        const result = await this._request(orderId);
        const shown = result.retailerMaskedNumber ? " from " + redact(result.retailerMaskedNumber) : "";
        this._show("success", "You'll get a call" + shown + " now. Answer it to reach the customer.", true);
        setTimeout(() => {
          this._inFlight = false;
          this._button.disabled = this.state === "loading";
        }, COOL_DOWN_MS);
        this._emit("callmask:call-started", {
          orderId, sessionId: result.sessionId, callId: result.callId, callSid: result.callSid,
          retailerMaskedNumber: result.retailerMaskedNumber || null,
        });
      } catch (failure) {
        this._inFlight = false;
        const message = messageFor(failure);
        this._show("error", message, failure.type === "order-not-active");
        this._emit("callmask:call-failed", {
          orderId, type: failure.type, status: failure.status || null, title: failure.title || null,
          retryAfterSeconds: failure.retryAfterSeconds || null, message,
        });
      }
    }

    async _request(orderId) {
      const fetcher = this._fetcher;
      const token = this.getAttribute("token");
      if (!fetcher && !token) {
        throw { type: "not-configured" };
      }
      const headers = { "Content-Type": "application/json", "Accept": "application/json" };
      if (token) {
        headers.Authorization = "Bearer " + token;
      }
      const base = (this.getAttribute("api-base") || "").replace(/\/+$/, "");
      let response;
      try {
        response = await (fetcher || window.fetch.bind(window))(base + "/v1/masked-calls",
          { method: "POST", headers, body: JSON.stringify({ orderId }), credentials: "omit" });
      } catch (e) {
        // fetch rejects only when no answer arrived: offline, DNS, or a CORS refusal.
        throw { type: "network" };
      }
      let body = null;
      try {
        body = await response.json();
      } catch (e) {
        body = null;
      }
      if (response.ok && body && body.success !== false) {
        return body;
      }
      const type = body && typeof body.type === "string" && body.type.startsWith(PROBLEM)
        ? body.type.slice(PROBLEM.length) : "http-" + response.status;
      const retryAfter = parseInt(response.headers && response.headers.get
        ? response.headers.get("Retry-After") : "", 10);
      throw { type, status: response.status, title: body && body.title,
        retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null };
    }

    _idleLabel() {
      return this.getAttribute("label") || DEFAULT_LABEL;
    }

    _show(state, message, keepDisabled) {
      this.setAttribute("state", state);
      const loading = state === "loading";
      this._button.disabled = loading || Boolean(keepDisabled);
      this._button.setAttribute("aria-busy", String(loading));
      this._label.textContent = loading ? "Connecting…" : this._idleLabel();
      this._status.textContent = message;
    }

    _emit(name, detail) {
      this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
    }
  }

  CallmaskCallButton.redact = redact;
  window.CallmaskCallButton = CallmaskCallButton;
  window.customElements.define("callmask-call-button", CallmaskCallButton);
})();
