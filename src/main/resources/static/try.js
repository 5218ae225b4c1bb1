// The landing page's try-it: the platform's three API calls, and two virtual phones on the emulator.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const keyInput = $("api-key");
  keyInput.value = localStorage.getItem("callmask.apiKey") || "";

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: { "Authorization": "Bearer " + keyInput.value.trim(), "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = response.status === 204 ? {} : await response.json();
    if (!response.ok) {
      throw new Error(json.detail || json.title || ("HTTP " + response.status));
    }
    return json;
  }

  // The numbers as the API normalised them, so the phones poll the right emulator line.
  const normalised = { "retailer-phone": null, "customer-phone": null };

  $("call-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = $("call-button");
    const result = $("result");
    button.disabled = true;
    result.className = "";
    result.textContent = "Connecting…";
    localStorage.setItem("callmask.apiKey", keyInput.value.trim());
    try {
      const retailer = await api("PUT", "/v1/retailers/demo-retailer",
        { name: "Demo retailer", phone: $("retailer-phone").value });
      const order = await api("PUT", "/v1/orders/demo-order",
        { retailerId: "demo-retailer", customerPhone: $("customer-phone").value, status: "out_for_delivery" });
      normalised["retailer-phone"] = retailer.phone;
      normalised["customer-phone"] = order.customerPhone;
      const call = await api("POST", "/v1/masked-calls", { orderId: "demo-order", retailerId: "demo-retailer" });
      result.textContent = call.message + " Answer on the retailer's phone below.";
    } catch (error) {
      result.className = "error";
      result.textContent = error.message;
    } finally {
      button.disabled = false;
    }
  });

  document.querySelectorAll(".phone").forEach((phone) => {
    phone.appendChild($("phone-template").content.cloneNode(true));
    phone.querySelector("h3").textContent = phone.dataset.title;
    const numberOf = () => normalised[phone.dataset.numberInput];
    let lastCallerId = null;

    phone.querySelectorAll("button").forEach((button) => button.addEventListener("click", async () => {
      const number = numberOf();
      if (!number) {
        return;
      }
      const base = "/emulator/phones/" + encodeURIComponent(number);
      if (button.dataset.action === "call-back") {
        if (lastCallerId) {
          await fetch(base + "/dial", { method: "POST", headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ to: lastCallerId }) });
        }
        return;
      }
      await fetch(base + "/" + button.dataset.action, { method: "POST" });
    }));

    async function poll() {
      const number = numberOf();
      if (number) {
        const response = await fetch("/emulator/phones/" + encodeURIComponent(number));
        if (response.ok) {
          const state = await response.json();
          phone.classList.toggle("ringing", state.state === "ringing");
          phone.querySelector(".state").textContent = state.state;
          const current = state.current;
          phone.querySelector(".caller-id").textContent = current && current.callerId ? current.callerId : "";
          const history = phone.querySelector(".history");
          history.innerHTML = "";
          state.calls.slice(-5).forEach((call) => {
            if (call.callerId) {
              lastCallerId = call.callerId;
            }
            const item = document.createElement("li");
            const who = call.direction === "incoming" ? "from " + call.callerId : "to " + call.dialled;
            item.textContent = who + " · " + call.status
              + (call.durationSeconds ? " · " + call.durationSeconds + " s" : "")
              + (call.heard && call.heard.length ? " · heard: “" + call.heard.join(" ") + "”" : "");
            history.appendChild(item);
          });
        }
      }
      setTimeout(poll, 700);
    }
    poll();
  });
})();
