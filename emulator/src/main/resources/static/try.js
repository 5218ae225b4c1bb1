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

  // The phones poll the lines the API normalised, once a call has been placed.
  document.querySelectorAll(".phone").forEach((phone) => window.CallmaskVirtualPhone.mount(phone,
    { title: phone.dataset.title, number: () => normalised[phone.dataset.numberInput] }));
})();
