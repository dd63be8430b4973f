// The sample's page: plain JavaScript, no build step. Every call goes to this app's own
// endpoints, which call Convex; a failure comes back as a problem detail (RFC 9457) with
// `detail`, and for a ConvexError its `code` and `data`.
"use strict";

const $ = (id) => document.getElementById(id);

/** A failed call, carrying the problem detail the server answered with. */
class ProblemError extends Error {
  constructor(problem, status) {
    super(messageOf(problem, status));
    this.code = problem.code;
    this.problem = problem;
  }
}

/** A ConvexError's own message where its data has one (`{code, message}`), else the detail. */
function messageOf(problem, status) {
  const data = problem.data;
  if (data && typeof data === "object" && typeof data.message === "string") {
    return data.message;
  }
  if (typeof data === "string") {
    return data;
  }
  return problem.detail || problem.title || `The request failed (HTTP ${status})`;
}

async function api(path, options = {}) {
  const response = await fetch(path, { headers: { Accept: "application/json" }, ...options });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (ignored) {
    body = { detail: text };
  }
  if (!response.ok) {
    throw new ProblemError(body || {}, response.status);
  }
  return body;
}

function postJson(path, value) {
  return api(path, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(value) });
}

function show(element, visible) {
  element.hidden = !visible;
}

function showError(element, error) {
  element.textContent = "";
  const message = document.createElement("span");
  message.className = "message";
  message.textContent = error.message;
  element.append(message);
  if (error.code) {
    const code = document.createElement("code");
    code.className = "code";
    code.textContent = error.code;
    element.append(" ", code);
  }
  show(element, true);
}

/**
 * Runs a form's call with its button disabled and relabelled ("Sending…") while pending, as
 * `useConvexAction`'s `pending` drives a button; errors land in the card's error box.
 */
function wire(formId, { call, onSuccess, errorId, resultId }) {
  const form = $(formId);
  const button = form.querySelector("button[type=submit]");
  const idleLabel = button.textContent;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    button.textContent = button.dataset.pendingLabel;
    form.setAttribute("aria-busy", "true");
    show($(errorId), false);
    if (resultId) {
      show($(resultId), false);
    }
    try {
      onSuccess(await call(form));
      if (resultId) {
        show($(resultId), true);
      }
    } catch (error) {
      showError($(errorId), error);
    } finally {
      button.disabled = false;
      button.textContent = idleLabel;
      form.removeAttribute("aria-busy");
    }
  });
}

const money = (cents, currency = "usd") =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);

// --- Which backend ---------------------------------------------------------------------------

async function showBackend() {
  const element = $("backend");
  try {
    const backend = await api("api/backend");
    element.textContent = "";
    const label = document.createElement("strong");
    label.textContent = backend.kind === "demo" ? "Embedded demo backend" : "Convex deployment";
    const url = document.createElement("code");
    url.textContent = backend.url;
    element.append(label, " at ", url);
    element.dataset.kind = backend.kind;
  } catch (error) {
    element.textContent = `Backend unknown: ${error.message}`;
  }
}

// --- 1. Email --------------------------------------------------------------------------------

wire("email-form", {
  errorId: "email-error",
  resultId: "email-result",
  call: (form) => postJson("api/emails", {
    to: form.to.value, subject: form.subject.value, body: form.body.value,
  }),
  onSuccess: (receipt) => {
    $("email-result").textContent = `Sent to ${receipt.to} (${receipt.id}) at ${new Date(receipt.sentAt).toLocaleTimeString()}.`;
  },
});

// --- 2. Image --------------------------------------------------------------------------------

wire("image-form", {
  errorId: "image-error",
  resultId: "image-result",
  call: (form) => postJson("api/images", { prompt: form.prompt.value, size: form.size.value }),
  onSuccess: (image) => {
    $("image-img").src = image.url;
    $("image-img").alt = image.prompt;
    // The seed arrives as a string: a JavaScript number would round an int64.
    $("image-caption").textContent = `“${image.prompt}”, ${image.size}, seed ${image.seed}`;
  },
});

// --- 3. File ---------------------------------------------------------------------------------

wire("files-form", {
  errorId: "files-error",
  resultId: "files-result",
  call: (form) => {
    const file = form.file.files[0];
    if (!file) {
      return Promise.reject(new Error("Choose a file first"));
    }
    const data = new FormData();
    data.append("file", file);
    return api("api/files", { method: "POST", body: data });
  },
  onSuccess: (summary) => {
    $("files-name").textContent = `${summary.fileName} (${summary.contentType})`;
    $("files-size").textContent = `${summary.sizeBytes.toLocaleString("en-US")} bytes`;
    $("files-lines").textContent = summary.lines;
    $("files-words").textContent = summary.words;
    $("files-sha256").textContent = summary.sha256;
    $("files-preview").textContent = summary.preview;
  },
});

// --- 4. Checkout -----------------------------------------------------------------------------

wire("checkout-form", {
  errorId: "checkout-error",
  call: async (form) => {
    const session = await postJson("api/checkout", {
      productId: form.productId.value, quantity: Number(form.quantity.value),
    });
    window.location.assign(session.url);
    // Keep the button pending while the browser leaves the page.
    return new Promise(() => {});
  },
  onSuccess: () => {},
});

// --- 5. Report: the status lives in a Convex table, the same for every instance; the page only shows it

const report = { version: -1, lastType: null };

function renderReport(state) {
  if (state.version < report.version) {
    return; // an older event arriving late
  }
  report.version = state.version;
  const card = $("report-card");
  card.dataset.status = state.status;
  const submit = $("report-submit");
  const pending = state.status === "PENDING";
  submit.disabled = pending;
  submit.textContent = pending ? submit.dataset.pendingLabel : "Generate report";
  $("report-type").disabled = pending;
  show($("report-form"), state.status !== "SUCCESS");
  show(submit, state.status === "IDLE" || pending);
  show($("report-pending"), pending);
  if (pending) {
    const lastType = state.reportType || report.lastType;
    const type = lastType ? `${lastType} ` : "";
    $("report-pending-text").textContent = `Generating ${type}report…`;
  }
  show($("report-success"), state.status === "SUCCESS");
  if (state.status === "SUCCESS" && state.report) {
    const r = state.report;
    $("report-summary").textContent =
      `${capitalize(r.reportType)} report ready: ${r.rows} ${r.rows === 1 ? "row" : "rows"}, ${new Date(r.generatedAt).toLocaleTimeString()}.`;
    const link = $("report-download");
    link.href = r.downloadUrl;
    link.download = `${r.reportType}-report.csv`;
  }
  show($("report-error"), state.status === "ERROR");
  if (state.status === "ERROR" && state.error) {
    // A run's error from the table is {code, message}; a refused request, a problem detail.
    $("report-error-text").textContent = state.error.message || messageOf(state.error, state.error.status);
  }
}

const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);

async function startReport() {
  report.lastType = $("report-type").value;
  try {
    renderReport(await postJson("api/reports", { reportType: report.lastType }));
  } catch (error) {
    renderReport({ status: "ERROR", error: error.problem || { detail: error.message }, version: report.version });
  }
}

$("report-form").addEventListener("submit", (event) => {
  event.preventDefault();
  startReport();
});
$("report-retry").addEventListener("click", startReport);
$("report-another").addEventListener("click", async () => renderReport(await api("api/reports", { method: "DELETE" })));

async function followReport() {
  renderReport(await api("api/reports"));
  const events = new EventSource("api/reports/events");
  events.addEventListener("state", (event) => renderReport(JSON.parse(event.data)));
  // EventSource reconnects by itself; the stream starts again with the current state.
}

// --- 6. Purchase: charge, then save; the orders query below, live -----------------------------

async function loadProducts() {
  const select = $("purchase-sku");
  for (const product of await api("api/products")) {
    const option = document.createElement("option");
    option.value = product.sku;
    option.textContent = `${product.name} · ${money(product.unitAmountCents)}`;
    select.append(option);
  }
}

// The table follows orders:list live: the server streams the query's result as server-sent
// events, the current orders first, then the list again after every change, from any tab.
function followOrders() {
  const events = new EventSource("api/orders/live?limit=5");
  events.addEventListener("orders", (event) => renderOrders(JSON.parse(event.data)));
  events.addEventListener("error", () => {
    // EventSource reconnects by itself unless the server refused the stream.
    if (events.readyState === EventSource.CLOSED) {
      showOrdersError("the live stream was refused");
    }
  });
}

function renderOrders(orders) {
  const body = $("orders-body");
  body.textContent = "";
  if (orders.length === 0) {
    body.innerHTML = '<tr><td colspan="4" class="muted">No orders yet.</td></tr>';
  }
  for (const order of orders) {
    const row = document.createElement("tr");
    const items = order.items.map((item) => `${item.quantity} × ${item.sku}`).join(", ");
    for (const text of [new Date(order._creationTime).toLocaleTimeString(), items,
      money(order.amountCents, order.currency), order.chargeId]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    row.dataset.orderId = order._id;
    body.append(row);
  }
}

function showOrdersError(message) {
  const body = $("orders-body");
  body.innerHTML = "";
  const row = document.createElement("tr");
  const cell = document.createElement("td");
  cell.colSpan = 4;
  cell.className = "muted";
  cell.textContent = `Could not load the orders: ${message}`;
  row.append(cell);
  body.append(row);
}

wire("purchase-form", {
  errorId: "purchase-error",
  resultId: "purchase-result",
  call: (form) => postJson("api/purchases", {
    sku: form.sku.value, quantity: Number(form.quantity.value), cardToken: form.cardToken.value,
  }),
  onSuccess: (purchase) => {
    $("purchase-result").textContent =
      `Paid ${money(purchase.charge.amountCents, purchase.charge.currency)} (${purchase.charge.chargeId}); order ${purchase.orderId} saved.`;
    // No reload of the table: the live stream brings the new order.
  },
});

// --- Start -----------------------------------------------------------------------------------

// Back from the checkout page through the browser's history: start afresh rather than show the
// page as it was left, with its button still pending.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) {
    window.location.reload();
  }
});

showBackend();
loadProducts();
followOrders();
followReport();
