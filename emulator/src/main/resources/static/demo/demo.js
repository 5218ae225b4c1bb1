// The demo marketplace: a retailer's orders with <callmask-call-button>, and the two virtual phones.
(async function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const shop = await (await fetch("/demo/api/shop")).json();
  const byId = new Map(shop.orders.map((order) => [order.id, order]));
  const list = $("orders");
  const select = $("customer-select");

  // The token a platform's backend would put on the page; fetched again before it expires.
  async function refreshToken() {
    const response = await fetch("/demo/api/token", { method: "POST" });
    if (!response.ok) {
      $("token-status").textContent = "Could not get a token (HTTP " + response.status + ").";
      return;
    }
    const issued = await response.json();
    list.querySelectorAll("callmask-call-button").forEach((button) => button.setAttribute("token", issued.token));
    $("token-status").textContent = "Token valid until " + new Date(issued.expiresAt).toLocaleTimeString() + ".";
    const refreshIn = Math.max(30000, new Date(issued.expiresAt).getTime() - Date.now() - 60000);
    setTimeout(refreshToken, refreshIn);
    document.body.dataset.ready = "true";
  }

  function renderStatus(item, order) {
    const status = item.querySelector(".status");
    status.textContent = order.status.replace(/_/g, " ");
    status.className = "status " + (order.active ? "active" : "closed");
    const toggle = item.querySelector("[data-action=toggle]");
    toggle.textContent = order.active ? "Cancel order" : "Reopen order";
  }

  shop.orders.forEach((order) => {
    const item = document.createElement("li");
    item.className = "order";
    item.dataset.orderId = order.id;
    item.innerHTML = '<div class="summary"><h2></h2><p class="items"></p></div>'
      + '<div class="meta"><span class="total"></span><span class="status"></span></div>'
      + '<div class="actions"><callmask-call-button></callmask-call-button>'
      + '<button type="button" class="secondary" data-action="toggle"></button></div>';
    item.querySelector("h2").textContent = "#" + order.id.replace("demo-", "") + " · " + order.customer;
    item.querySelector(".items").textContent = order.items;
    item.querySelector(".total").textContent = order.total;
    item.querySelector("callmask-call-button").setAttribute("order-id", order.id);
    renderStatus(item, order);
    item.querySelector("[data-action=toggle]").addEventListener("click", async () => {
      const current = byId.get(order.id);
      const response = await fetch("/demo/api/orders/" + encodeURIComponent(order.id) + "/status", {
        method: "PUT", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ status: current.active ? "cancelled" : "out_for_delivery" }),
      });
      if (response.ok) {
        const changed = await response.json();
        byId.set(order.id, changed);
        renderStatus(item, changed);
        if (changed.active) {
          item.querySelector("callmask-call-button").reset();
        }
      }
    });
    list.appendChild(item);

    const option = document.createElement("option");
    option.value = order.id;
    option.textContent = order.customer + " (order #" + order.id.replace("demo-", "") + ")";
    select.appendChild(option);
  });

  // The customer's phone follows the order just called; the select switches it by hand.
  document.addEventListener("callmask:call-started", (event) => {
    select.value = event.detail.orderId;
  });
  document.addEventListener("callmask:call-failed", (event) => {
    if (event.detail.type === "token-expired") {
      refreshToken();
    }
  });

  window.CallmaskVirtualPhone.mount($("phone-retailer"),
    { title: "Retailer's phone (" + shop.retailer.name + ")", number: () => shop.retailer.phone });
  window.CallmaskVirtualPhone.mount($("phone-customer"),
    { title: "Customer's phone", number: () => byId.get(select.value).customerPhone, dialPad: true });

  await refreshToken();
})();
