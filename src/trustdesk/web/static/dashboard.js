// TrustDesk dashboard (docs/metrics.md#dashboard). Small SVG charts drawn here, each with a
// table beside it; every text from the server is inserted with textContent, never as HTML.
// Nothing is loaded from elsewhere (strict Content-Security-Policy).
(function () {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const CSRF_HEADER = "X-CSRF-Token";
  const REASONS = {
    customer_request: "The customer asked for a person",
    contested: "The customer disagreed with an AI answer",
    negative_sentiment: "The customer seemed upset",
    sensitive_topic: "A sensitive topic",
    low_confidence: "The AI was unsure",
    repeated_failure: "The AI failed repeatedly",
    approval_required: "An action needs approval",
    consent_withdrawn: "The customer declined the AI",
    backend_error: "The AI backend failed",
    guard_error: "A guard failed",
    unrecorded: "Not recorded",
  };
  function byId(id) { return document.getElementById(id); }
  const root = byId("dashboard");
  const signInForm = byId("sign-in");
  const signInError = byId("sign-in-error");
  const board = byId("board");
  const boardError = byId("board-error");
  const statusLine = byId("board-status");
  const chartsBox = byId("charts");
  const filters = byId("filters");
  const fromInput = byId("filter-from");
  const toInput = byId("filter-to");
  const channelInput = byId("filter-channel");
  const languageInput = byId("filter-language");
  let csrf = null;
  let me = null;

  // -- talking to the server ---------------------------------------------------------------

  async function api(method, path, body) {
    const headers = { Accept: "application/json" };
    if (csrf) headers[CSRF_HEADER] = csrf;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(path, {
        method: method, headers: headers, credentials: "same-origin", cache: "no-store",
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      const offline = new Error("The server could not be reached; check the connection and try again.");
      offline.status = 0;
      throw offline;
    }
    const data = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      const error = new Error((data.error && data.error.message) || "Request failed (" + response.status + ")");
      error.status = response.status;
      if (response.status === 401 && me) {
        signedOut("Your session has ended. Sign in again to carry on.");
        error.handled = true;
      }
      throw error;
    }
    return data;
  }

  function showError(element, message) {
    element.textContent = message || "";
    element.hidden = !message;
  }

  function signedOut(message) {
    me = null;
    csrf = null;
    board.hidden = true;
    signInForm.hidden = false;
    root.dataset.state = "signed-out";
    showError(signInError, message || "");
    byId("sign-in-name").focus();
  }

  function signedIn(data) {
    me = data;
    csrf = data.csrf_token || null;
    signInForm.hidden = true;
    board.hidden = false;
    byId("me-name").textContent = data.display_name || data.name;
    byId("me-role").textContent = data.role;
    const allowed = (data.permissions || []).indexOf("read_metrics") >= 0;
    byId("no-permission").hidden = allowed;
    filters.hidden = !allowed;
    if (allowed) {
      load();
    } else {
      chartsBox.hidden = true;
      root.dataset.state = "forbidden";
    }
  }

  signInForm.addEventListener("submit", async function (event) {
    event.preventDefault();
    showError(signInError, "");
    const name = byId("sign-in-name").value.trim();
    const password = byId("sign-in-password").value;
    try {
      const data = await api("POST", "/api/v1/staff/sign-in", { name: name, password: password });
      byId("sign-in-password").value = "";
      signedIn(data);
      byId("dashboard-title").focus();
    } catch (err) {
      showError(signInError, err.message);
    }
  });

  byId("sign-out").addEventListener("click", async function () {
    try { await api("POST", "/api/v1/staff/sign-out"); } catch (err) { /* signed out anyway */ }
    signedOut("You have signed out.");
  });

  // -- the period and filters ----------------------------------------------------------------

  function day(date) { return date.toISOString().slice(0, 10); }
  function addDays(text, n) {
    const date = new Date(text + "T00:00:00Z");
    date.setUTCDate(date.getUTCDate() + n);
    return day(date);
  }

  function query() {
    const params = new URLSearchParams();
    if (fromInput.value) params.set("since", fromInput.value);
    if (toInput.value) params.set("until", addDays(toInput.value, 1));
    if (!fromInput.value && toInput.value) params.set("since", addDays(toInput.value, -365));
    if (channelInput.value.trim()) params.set("channel", channelInput.value.trim());
    if (languageInput.value) params.set("language", languageInput.value);
    return params.toString();
  }

  filters.addEventListener("submit", function (event) {
    event.preventDefault();
    load();
  });

  async function load() {
    showError(boardError, "");
    root.dataset.state = "loading";
    statusLine.textContent = "Loading…";
    try {
      const data = await api("GET", "/api/v1/dashboard?" + query());
      render(data);
      root.dataset.state = "ready";
      const engaged = data.volume.workload.engaged;
      statusLine.textContent = "Showing " + engaged + " engaged conversation" + (engaged === 1 ? "" : "s") +
        " started " + describePeriod(data.filters) + ".";
    } catch (err) {
      root.dataset.state = "error";
      statusLine.textContent = "";
      if (!err.handled) showError(boardError, err.message);
    }
  }

  function describePeriod(f) {
    const parts = [];
    if (f.since) parts.push("from " + f.since.slice(0, 10));
    if (f.until) parts.push("before " + f.until.slice(0, 10));
    if (f.channel) parts.push("on channel " + f.channel);
    if (f.language) parts.push("in language " + f.language);
    return parts.join(", ") || "at any time";
  }

  // -- drawing -----------------------------------------------------------------------------

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = String(text);
    return node;
  }
  function pct(rate) {
    if (!rate || rate.value === null || rate.value === undefined) return "none";
    return (100 * rate.value).toFixed(1) + "%";
  }
  function rateText(rate) { return pct(rate) + " (" + rate.numerator + " of " + rate.denominator + ")"; }
  function seconds(value) {
    if (value === null || value === undefined) return "—";
    if (value < 60) return value.toFixed(value < 10 ? 1 : 0) + " s";
    const m = Math.floor(value / 60);
    if (m < 60) return m + " min " + String(Math.round(value % 60)).padStart(2, "0") + " s";
    return Math.floor(m / 60) + " h " + String(m % 60).padStart(2, "0") + " min";
  }

  function table(caption, head, rows) {
    const t = el("table");
    t.appendChild(el("caption", {}, caption));
    const tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", { scope: "col" }, h)); });
    t.appendChild(el("thead")).appendChild(tr);
    const body = t.appendChild(el("tbody"));
    rows.forEach(function (row) {
      const r = body.appendChild(el("tr"));
      row.forEach(function (cell, i) { r.appendChild(el(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : {}, cell)); });
    });
    return t;
  }

  // Horizontal bars: [{label, value (0..max), text}]
  function bars(label, items, max) {
    const rowH = 26, labelW = 250, width = 600, barW = width - labelW - 120;
    const svg = svgEl("svg", { viewBox: "0 0 " + width + " " + (items.length * rowH + 4), role: "img", "aria-label": label, class: "bars" });
    svg.appendChild(svgEl("title", {}, label));
    items.forEach(function (item, i) {
      const y = i * rowH + 2;
      const w = max > 0 ? Math.max(item.value > 0 ? 2 : 0, (item.value / max) * barW) : 0;
      svg.appendChild(svgEl("text", { x: labelW - 6, y: y + 16, "text-anchor": "end", class: "label" }, item.label));
      svg.appendChild(svgEl("rect", { x: labelW, y: y + 4, width: w.toFixed(1), height: rowH - 8, rx: 3, class: "bar " + (item.kind || "") }));
      svg.appendChild(svgEl("text", { x: labelW + w + 6, y: y + 16, class: "value" }, item.text));
    });
    return svg;
  }

  // Stacked columns per day: AI alone (bottom) and handed to a person (top).
  function columns(label, days) {
    const width = 640, height = 200, left = 36, bottom = 22, top = 8;
    const svg = svgEl("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": label, class: "columns" });
    svg.appendChild(svgEl("title", {}, label));
    const max = Math.max(1, ...days.map(function (d) { return d.engaged; }));
    const plotH = height - bottom - top, slot = (width - left) / Math.max(days.length, 1);
    svg.appendChild(svgEl("line", { x1: left, x2: width, y1: top + plotH, y2: top + plotH, class: "axis" }));
    svg.appendChild(svgEl("text", { x: left - 4, y: top + 10, "text-anchor": "end", class: "tick" }, max));
    svg.appendChild(svgEl("text", { x: left - 4, y: top + plotH, "text-anchor": "end", class: "tick" }, 0));
    days.forEach(function (d, i) {
      const w = Math.max(1, Math.min(slot * 0.7, 48)), x = left + i * slot + (slot - w) / 2;
      const other = d.engaged - d.ai_only;
      const hAi = (d.ai_only / max) * plotH, hOther = (other / max) * plotH;
      svg.appendChild(svgEl("rect", { x: x.toFixed(1), y: (top + plotH - hAi).toFixed(1), width: w.toFixed(1), height: hAi.toFixed(1), class: "bar ai" }));
      svg.appendChild(svgEl("rect", { x: x.toFixed(1), y: (top + plotH - hAi - hOther).toFixed(1), width: w.toFixed(1), height: hOther.toFixed(1), class: "bar person" }));
      if (days.length <= 14 || i % Math.ceil(days.length / 10) === 0) {
        svg.appendChild(svgEl("text", { x: (x + w / 2).toFixed(1), y: height - 6, "text-anchor": "middle", class: "tick" }, d.day.slice(5)));
      }
    });
    return svg;
  }

  function section(name) {
    const box = byId("chart-" + name);
    const parts = { figure: box.querySelector("[data-figure]"), table: box.querySelector("[data-table]"), empty: box.querySelector("[data-empty]"), totals: box.querySelector("[data-totals]") };
    ["figure", "table", "totals"].forEach(function (k) { if (parts[k]) parts[k].replaceChildren(); });
    return parts;
  }
  function empty(parts, isEmpty) {
    parts.empty.hidden = !isEmpty;
    if (parts.figure) parts.figure.hidden = isEmpty;
    if (parts.table) parts.table.hidden = isEmpty;
    return isEmpty;
  }

  function render(data) {
    chartsBox.hidden = false;
    renderVolume(data.volume);
    renderResolution(data.resolution);
    renderHandoffs(data.handoffs);
    renderTimes(data.response_times);
    renderRatings(data.ratings);
    renderDisclosure(data.disclosure);
    renderSafety(data.safety);
    renderQuestions(data.questions);
    renderIncidents(data.incidents);
  }

  function renderVolume(v) {
    const parts = section("volume");
    const w = v.workload;
    [["Engaged", w.engaged], ["AI alone", w.ai_only], ["Handed to a person", w.handed_off],
     ["Taken by a person", w.with_person], ["Replies people wrote", w.person_replies],
     ["… begun as an assistant draft", rateText(w.assisted)]].forEach(function (pair) {
      parts.totals.appendChild(el("dt", {}, pair[0]));
      parts.totals.appendChild(el("dd", {}, pair[1]));
    });
    if (empty(parts, !v.days.length)) return;
    parts.figure.appendChild(columns("Engaged conversations per day: " + w.ai_only + " handled by the AI alone, " + (w.engaged - w.ai_only) + " with a person involved", v.days));
    const legend = parts.figure.appendChild(el("p", { class: "legend" }));
    legend.appendChild(el("span", { class: "key ai" }, "AI alone"));
    legend.appendChild(el("span", { class: "key person" }, "Handed to a person"));
    parts.table.appendChild(table("Engaged conversations per day", ["Day", "Engaged", "AI alone", "Handed to a person", "Taken by a person"],
      v.days.map(function (d) { return [d.day, d.engaged, d.ai_only, d.handed_off, d.with_person]; })));
  }

  function renderResolution(r) {
    const parts = section("resolution");
    const res = r.resolution;
    if (empty(parts, res.engaged === 0)) return;
    parts.figure.appendChild(bars("AI resolution rate", [
      { label: "Assumed", value: res.assumed.value || 0, text: pct(res.assumed), kind: "ai" },
      { label: "Confirmed by the customer", value: res.confirmed.value || 0, text: pct(res.confirmed), kind: "ok" },
      { label: "Stayed resolved 7 days", value: r.stayed.value || 0, text: pct(r.stayed), kind: "ok" },
    ], 1));
    parts.table.appendChild(table("AI resolution", ["Measure", "Rate", "Of"], [
      ["Assumed resolved", pct(res.assumed), res.assumed.numerator + " of " + res.assumed.denominator],
      ["Confirmed resolved", pct(res.confirmed), res.confirmed.numerator + " of " + res.confirmed.denominator],
      ["Confirmed, of those who answered", pct(res.confirmed_of_answered), res.confirmed_of_answered.numerator + " of " + res.confirmed_of_answered.denominator],
      ["Stayed resolved for 7 days (vouched customers)", pct(r.stayed), r.stayed.numerator + " of " + r.stayed.denominator],
      ["Still in progress (left out)", String(res.in_progress), ""],
    ]));
  }

  function renderHandoffs(h) {
    const parts = section("handoffs");
    const reasons = Object.keys(h.by_reason);
    if (empty(parts, !reasons.length)) return;
    reasons.sort(function (a, b) { return h.by_reason[b].numerator - h.by_reason[a].numerator; });
    const max = Math.max(...reasons.map(function (r) { return h.by_reason[r].numerator; }));
    parts.figure.appendChild(bars("Handoffs by reason, " + rateText(h.handed_off) + " of engaged conversations",
      reasons.map(function (r) { return { label: REASONS[r] || r, value: h.by_reason[r].numerator, text: h.by_reason[r].numerator + " (" + pct(h.by_reason[r]) + ")", kind: "person" }; }), max));
    parts.table.appendChild(table("Handoffs by reason (" + rateText(h.handed_off) + " handed to a person)", ["Reason", "Conversations", "Share of engaged"],
      reasons.map(function (r) { return [REASONS[r] || r, h.by_reason[r].numerator, pct(h.by_reason[r])]; })));
  }

  function renderTimes(t) {
    const parts = section("response_times");
    const rows = [
      ["First reply, overall", t.first_reply.overall],
      ["First reply by the AI", t.first_reply.by_ai],
      ["First reply by a person", t.first_reply.by_person],
      ["Time to a person after a handoff", t.to_person],
    ];
    if (empty(parts, rows.every(function (r) { return r[1].count === 0 && r[1].pending === 0; }))) return;
    const max = Math.max(1, ...rows.map(function (r) { return r[1].p90_s || 0; }));
    parts.figure.appendChild(bars("Median response times", rows.map(function (r) {
      return { label: r[0], value: r[1].median_s || 0, text: seconds(r[1].median_s), kind: "person" };
    }), max));
    parts.table.appendChild(table("Response times", ["Measure", "Measured", "Median", "90th percentile", "Still waiting"],
      rows.map(function (r) { return [r[0], r[1].count, seconds(r[1].median_s), seconds(r[1].p90_s), r[1].pending]; })));
  }

  function renderRatings(r) {
    const parts = section("ratings");
    if (empty(parts, r.ai.count + r.person.count === 0)) return;
    const items = [];
    [["AI-handled", r.ai, "ai"], ["Person-handled", r.person, "person"]].forEach(function (g) {
      for (let n = 5; n >= 1; n--) {
        const count = g[1].distribution[String(n)] || 0;
        items.push({ label: g[0] + ", " + n + " of 5", value: count, text: String(count), kind: g[2] });
      }
    });
    parts.figure.appendChild(bars("Ratings by group", items, Math.max(1, ...items.map(function (i) { return i.value; }))));
    parts.table.appendChild(table("Ratings", ["Group", "Rated", "Mean", "5", "4", "3", "2", "1"],
      [["AI-handled", r.ai], ["Person-handled", r.person]].map(function (g) {
        const d = g[1].distribution;
        return [g[0], g[1].count, g[1].mean === null ? "—" : g[1].mean.toFixed(2), d["5"], d["4"], d["3"], d["2"], d["1"]];
      })));
  }

  function renderDisclosure(c) {
    const parts = section("disclosure");
    if (empty(parts, c.rate.denominator === 0)) return;
    const missed = c.rate.denominator - c.rate.numerator;
    parts.figure.appendChild(bars("Disclosure compliance " + pct(c.rate), [
      { label: "Compliant", value: c.rate.numerator, text: rateText(c.rate), kind: missed ? "warn" : "ok" },
    ], c.rate.denominator));
    const rows = [["Exceptions", String(missed)]];
    c.exceptions.forEach(function (id) { rows.push(["Conversation", id]); });
    parts.table.appendChild(table("Disclosure exceptions (each is an incident)", ["", "Value"], rows));
  }

  function renderSafety(s) {
    const parts = section("safety");
    const types = Object.keys(s.personal_data.by_type);
    const leaked = Object.keys(s.personal_data.leaked_by_type);
    const failures = Object.keys(s.guard_failures);
    if (empty(parts, !types.length && !leaked.length && !failures.length && s.declines.asked === 0)) return;
    if (types.length) {
      const max = Math.max(...types.map(function (k) { return s.personal_data.by_type[k]; }));
      parts.figure.appendChild(bars("Personal data replaced in customer messages, by type",
        types.map(function (k) { return { label: k, value: s.personal_data.by_type[k], text: String(s.personal_data.by_type[k]), kind: "ai" }; }), max));
    }
    const rows = [
      ["Engaged conversations with personal data", rateText(s.personal_data.conversations)],
      ["Assistant asked for a draft (turns)", String(s.declines.asked)],
      ["Below the confidence threshold", rateText(s.declines.low_confidence)],
      ["Declined (no AI answer sent)", rateText(s.declines.declined)],
    ];
    types.forEach(function (k) { rows.push(["Replaced in customer messages: " + k, String(s.personal_data.by_type[k])]); });
    leaked.forEach(function (k) { rows.push(["Introduced by the backend, redacted: " + k, String(s.personal_data.leaked_by_type[k])]); });
    failures.forEach(function (k) { rows.push(["Failed: " + k, String(s.guard_failures[k])]); });
    parts.table.appendChild(table("Personal data, declines and failures", ["Measure", "Value"], rows));
  }

  function renderQuestions(q) {
    const parts = section("questions");
    if (empty(parts, !q.groups.length)) {
      parts.empty.textContent = q.total
        ? "No group yet: " + q.total + " unanswered question" + (q.total === 1 ? "" : "s") + ", none asked in at least three conversations."
        : "No unanswered questions in this period.";
      return;
    }
    parts.table.appendChild(table("Unanswered question groups, largest first (" + q.hidden + " questions in smaller groups not shown)",
      ["Most frequent wording", "Other wordings", "Shared words", "Questions", "Conversations"],
      q.groups.map(function (g) { return [g.example, g.wordings.slice(1).join(" · ") || "—", g.words.join(", "), g.questions, g.conversations]; })));
  }

  function renderIncidents(i) {
    const parts = section("incidents");
    const statuses = Object.keys(i.by_status);
    if (empty(parts, i.open === 0)) return;
    parts.table.appendChild(table(i.open + " open incident" + (i.open === 1 ? "" : "s"), ["Status", "Incidents"],
      statuses.map(function (s) { return [s === "open" ? "Open" : s === "investigating" ? "Being investigated" : s, i.by_status[s]]; })));
  }

  // -- start -----------------------------------------------------------------------------

  const days = parseInt(root.dataset.defaultDays || "30", 10);
  const today = day(new Date());
  toInput.value = today;
  fromInput.value = addDays(today, 1 - days);

  (async function start() {
    try {
      signedIn(await api("GET", "/api/v1/staff/me"));
    } catch (err) {
      signedOut(err.status === 401 ? "" : err.message);
    }
  })();
})();
