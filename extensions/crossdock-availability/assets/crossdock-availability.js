/* Crossdock pickup availability: live stock per store on the product page. */
(function () {
"use strict";
// Must equal PICKUP_LOCATION_ATTRIBUTE in app/domain/availability/pickup-attribute.ts (tested).
var ATTRIBUTE = "_crossdock_pickup_location";
var TIMEOUT_MS = 8000;
var POSITION_KEY = "crossdock:position";

function fill(text, values) {
  return String(text).replace(/\[(\w+)\]/g, function (all, name) {
    return name in values ? values[name] : all;
  });
}

function root() {
  return (window.Shopify && window.Shopify.routes && window.Shopify.routes.root) || "/";
}

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function readPosition() {
  try {
    return JSON.parse(sessionStorage.getItem(POSITION_KEY) || "null");
  } catch {
    return null;
  }
}

function savePosition(position) {
  try {
    sessionStorage.setItem(POSITION_KEY, JSON.stringify(position));
  } catch {
    /* private mode: this page only */
  }
}

function Block(root) {
  var $ = (selector) => root.querySelector(selector);
  this.root = root;
  this.data = root.dataset;
  this.t = JSON.parse($("[data-i18n]").textContent);
  this.status = $("[data-status]");
  this.stores = $("[data-stores]");
  this.list = $("[data-list]");
  this.retry = $("[data-retry]");
  this.ship = $("[data-ship]");
  this.variant = this.data.variant;
  this.position = readPosition();
  this.chosen = null;
  this.request = 0;
  this.bind();
  this.load();
}
var B = Block.prototype;

B.bind = function () {
  this.root.querySelector("[data-geo]").addEventListener("click", () => this.locate());
  this.root.querySelector("[data-postal]").addEventListener("submit", (event) => {
    event.preventDefault();
    var code = event.target.elements.postal_code.value.trim();
    if (!code) return;
    this.position = { postal_code: code, country: this.data.country };
    savePosition(this.position);
    this.load();
  });
  this.retry.addEventListener("click", () => this.load());
  this.ship.addEventListener("click", () => this.saveChoice("", this.t.shipping));
  this.list.addEventListener("change", (event) => {
    event.stopPropagation();
    if (event.target.type === "radio") this.choose(event.target);
  });
};

B.say = function (text) {
  this.status.textContent = text;
};

B.locate = function () {
  if (!navigator.geolocation) return this.say(this.t.locationDenied);
  this.say(this.t.locating);
  navigator.geolocation.getCurrentPosition(
    (found) => {
      this.position = { lat: found.coords.latitude.toFixed(3), lon: found.coords.longitude.toFixed(3) };
      savePosition(this.position);
      this.load();
    },
    () => {
      this.say(this.t.locationDenied);
      this.root.querySelector("[data-postal] input").focus();
    },
    { maximumAge: 600000, timeout: 10000 }
  );
};

B.url = function () {
  var params = new URLSearchParams({
    variant: this.variant,
    limit: this.data.limit || "5",
    low_stock_threshold: this.data.low || "3",
    pickup_only: "1",
  });
  if (this.data.country) params.set("storefront_country", this.data.country);
  var position = this.position;
  if (position) {
    for (var key in position) if (position[key]) params.set(key, position[key]);
    if (this.data.radius) params.set("radius_km", this.data.radius);
  }
  return this.data.proxy.replace(/\/$/, "") + "/availability?" + params;
};

B.load = function () {
  var ticket = ++this.request;
  this.retry.hidden = true;
  this.root.setAttribute("aria-busy", "true");
  this.say(this.t.loading);
  if (!this.data.proxy) return this.fail();
  var controller = window.AbortController ? new AbortController() : null;
  var timer = setTimeout(() => controller && controller.abort(), TIMEOUT_MS);
  fetch(this.url(), { headers: { Accept: "application/json" }, signal: controller && controller.signal })
    .then((response) => {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then((body) => {
      if (ticket === this.request) this.render(body);
    })
    .catch(() => {
      if (ticket === this.request) this.fail();
    })
    .then(() => clearTimeout(timer));
};

B.fail = function () {
  this.root.removeAttribute("aria-busy");
  this.root.classList.add("cdx--down");
  this.stores.hidden = true;
  this.retry.hidden = false;
  this.say(this.t.unavailable);
};

B.render = function (body) {
  var t = this.t;
  var showCounts = this.data.counts === "true" && body.showExactCounts;
  var name = "cdx-store-" + this.root.id;
  var list = this.list;
  var chosen = this.chosen;
  this.root.removeAttribute("aria-busy");
  this.root.classList.remove("cdx--down");
  list.textContent = "";
  body.locations.forEach(function (location) {
    var item = el("li", "cdx__store cdx__store--" + location.status);
    var label = el("label", "cdx__choice");
    var input = el("input");
    input.type = "radio";
    input.name = name;
    input.value = location.id;
    input.disabled = !location.pickupEnabled || location.status === "out_of_stock";
    input.checked = location.id === chosen;
    label.appendChild(input);
    label.appendChild(el("span", "cdx__name", location.name));
    var status = t[location.status];
    if (showCounts && location.available != null) status += " · " + fill(t.units, { count: location.available });
    label.appendChild(el("span", "cdx__badge", status));
    item.appendChild(label);
    var address = location.address;
    var where = [address.address1, address.city].filter(Boolean).join(", ");
    var distance = location.distance;
    if (distance) {
      var shown = fill(t[distance.unit] || t.km, { distance: distance.value });
      where += (where ? " · " : "") + (distance.approximate ? fill(t.about, { distance: shown }) : shown);
    }
    if (where) item.appendChild(el("p", "cdx__meta", where));
    item.appendChild(
      el("p", "cdx__meta", location.pickupEnabled ? t[location.pickupTime] || t.CUSTOM : t.noPickup)
    );
    list.appendChild(item);
  });
  this.stores.hidden = body.locations.length === 0;
  var stores = body.noun === "stores";
  var message =
    body.inStock > 0
      ? fill(t[(stores ? "found" : "foundLocations") + (body.total > 1 ? "" : "1")], { count: body.inStock, total: body.total })
      : stores ? t.none : t.noneLocations;
  if (body.origin && !body.origin.resolved) message = t.postalUnknown + " " + message;
  this.say(message);
  this.reconcile();
};

// The chosen store lacks the shown variant: flag it and drop it from the cart attribute.
B.reconcile = function () {
  var input = this.chosen && this.list.querySelector('input[value="' + this.chosen.replace(/"/g, "") + '"]');
  this.ship.hidden = !this.chosen;
  if (!input || !input.disabled) return;
  var item = input.closest(".cdx__store");
  input.checked = false;
  item.classList.add("cdx__store--lost");
  item.appendChild(el("p", "cdx__flag", this.t.lacks));
  this.saveChoice("", fill(this.t.dropped, { name: item.querySelector(".cdx__name").textContent }));
};

// Writes the pickup store to the cart attribute ("" removes it).
B.saveChoice = function (value, done, input) {
  var attributes = {};
  attributes[ATTRIBUTE] = value;
  fetch(root() + "cart/update.js", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ attributes: attributes }),
  })
    .then((response) => {
      if (!response.ok) throw new Error("HTTP " + response.status);
      this.chosen = value || null;
      this.ship.hidden = !value;
      if (!value) this.list.querySelectorAll("input").forEach((i) => (i.checked = false));
      this.say(done);
    })
    .catch(() => {
      if (input) input.checked = false;
      this.say(this.t.saveFailed);
    });
};

B.choose = function (input) {
  var label = input.parentNode.querySelector(".cdx__name").textContent;
  this.saveChoice(input.value, fill(this.t.chosen, { name: label }), input);
};

B.setVariant = function (id) {
  if (!id || id === this.variant) return;
  this.variant = id;
  this.load();
};

function currentVariant(event) {
  var form = event && event.target && event.target.form;
  if (!form || !/\/cart\/add/.test(form.getAttribute("action") || "")) {
    form = document.querySelector('form[action*="/cart/add"]');
  }
  var input = form && form.elements.id;
  return (input && input.value) || new URLSearchParams(location.search).get("variant");
}

function start() {
  var blocks = [];
  var roots = document.querySelectorAll("[data-crossdock-availability]");
  for (var i = 0; i < roots.length; i++) {
    if (!roots[i].id) roots[i].id = "cdx-" + i;
    blocks.push(new Block(roots[i]));
  }
  if (!blocks.length) return;
  // Themes set the product form's `id` and fire `change` (Dawn), often with the URL's ?variant=.
  function sync(event) {
    setTimeout(function () {
      var id = currentVariant(event);
      blocks.forEach(function (block) {
        block.setVariant(id);
      });
    }, 0);
  }
  document.addEventListener("change", sync, true);
  window.addEventListener("popstate", sync);
  document.addEventListener("variant:change", sync);
  // Preselect the store already in the cart.
  fetch(root() + "cart.js", { headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (cart) {
      var chosen = cart && cart.attributes && cart.attributes[ATTRIBUTE];
      if (!chosen) return;
      blocks.forEach(function (block) {
        block.chosen = chosen;
        var input = block.list.querySelector('input[value="' + chosen.replace(/"/g, "") + '"]');
        if (input) input.checked = true;
        block.reconcile();
      });
    })
    .catch(function () {
      /* no cart */
    });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
})();
