// A virtual phone on the emulator's control API (/emulator/phones/{number}): it rings, shows the caller ID its
// owner would see, answers, rejects, hangs up, calls back, and (with dialPad) dials any number or sends keys in
// a call. Used by the landing page's try-it and by the demo marketplace.
//
//   CallmaskVirtualPhone.mount(element, { title: "Customer's phone", number: () => "+9199…", dialPad: true })
//
// number() is asked on every poll, so a page may switch which line the phone shows.
(function () {
  "use strict";

  const POLL_MS = 700;

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function mount(phone, options) {
    const numberOf = options.number;
    phone.classList.add("phone");
    phone.replaceChildren();
    phone.appendChild(el("h3", {}, options.title));
    const own = phone.appendChild(el("p", { class: "own-number" }));
    const screen = phone.appendChild(el("div", { class: "screen" }));
    screen.appendChild(el("span", { class: "state" }, "idle"));
    const callerId = screen.appendChild(el("strong", { class: "caller-id" }));
    const buttons = phone.appendChild(el("div", { class: "buttons" }));
    [["answer", "Answer"], ["reject", "Reject"], ["hangup", "Hang up"], ["call-back", "Call back"]]
      .forEach(([action, label]) => buttons.appendChild(el("button", { type: "button", "data-action": action }, label)));
    const dialInput = options.dialPad ? dialPad(phone) : null;
    const history = phone.appendChild(el("ol", { class: "history" }));
    let lastCallerId = null;
    let state = "idle";

    async function post(action, body) {
      const number = numberOf();
      if (!number) {
        return;
      }
      await fetch("/emulator/phones/" + encodeURIComponent(number) + "/" + action, body === undefined
        ? { method: "POST" }
        : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      poll(false);
    }

    phone.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button || !phone.contains(button)) {
        return;
      }
      const action = button.dataset.action;
      if (action === "call-back") {
        if (lastCallerId) {
          post("dial", { to: lastCallerId });
        }
      } else if (action === "dial") {
        const to = dialInput.value.replace(/[\s()-]/g, "");
        if (to) {
          post("dial", { to });
        }
      } else if (action === "key") {
        // In a call a key is a DTMF tone (a hub's menu); otherwise it types the number to dial.
        if (state === "in-call") {
          post("digits", { digits: button.dataset.key });
        } else {
          dialInput.value += button.dataset.key;
        }
      } else if (action === "clear") {
        dialInput.value = dialInput.value.slice(0, -1);
      } else if (action) {
        post(action);
      }
    });

    async function poll(again) {
      const number = numberOf();
      own.textContent = number ? "This phone: " + number : "";
      if (number) {
        try {
          const response = await fetch("/emulator/phones/" + encodeURIComponent(number));
          if (response.ok) {
            render(await response.json());
          }
        } catch (e) {
          // The server restarting: keep polling.
        }
      }
      if (again) {
        setTimeout(() => poll(true), POLL_MS);
      }
    }

    function render(view) {
      state = view.state;
      phone.classList.toggle("ringing", state === "ringing");
      phone.classList.toggle("in-call", state === "in-call");
      phone.dataset.state = state;
      screen.querySelector(".state").textContent = state;
      callerId.textContent = view.current && view.current.callerId ? view.current.callerId : "";
      history.replaceChildren();
      view.calls.slice(-5).forEach((call) => {
        if (call.callerId) {
          lastCallerId = call.callerId;
        }
        const who = call.direction === "incoming" ? "from " + call.callerId : "to " + call.dialled;
        history.appendChild(el("li", {}, who + " · " + call.status
          + (call.durationSeconds ? " · " + call.durationSeconds + " s" : "")
          + (call.heard && call.heard.length ? " · heard: “" + call.heard.join(" ") + "”" : "")));
      });
    }

    poll(true);
  }

  function dialPad(phone) {
    const pad = phone.appendChild(el("div", { class: "dial-pad" }));
    const input = pad.appendChild(el("input", { class: "dial-number", type: "tel", inputmode: "tel",
      placeholder: "Number to dial", "aria-label": "Number to dial" }));
    const keys = pad.appendChild(el("div", { class: "keys" }));
    "123456789+0#".split("").forEach((key) =>
      keys.appendChild(el("button", { type: "button", "data-action": "key", "data-key": key }, key)));
    const row = pad.appendChild(el("div", { class: "dial-row" }));
    row.appendChild(el("button", { type: "button", "data-action": "clear", "aria-label": "Delete" }, "⌫"));
    row.appendChild(el("button", { type: "button", "data-action": "dial", class: "dial" }, "Call"));
    return input;
  }

  window.CallmaskVirtualPhone = { mount };
})();
