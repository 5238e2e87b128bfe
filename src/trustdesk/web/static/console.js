// TrustDesk staff console (docs/console.md). Everything the server returns — transcripts,
// names, notes, error messages — is inserted with textContent or as DOM nodes, never parsed as
// HTML. The session cookie is HttpOnly: this script only ever holds the CSRF token, in memory.
(function () {
  "use strict";

  function byId(id) { return document.getElementById(id); }

  const root = byId("console");
  const aiLabel = root.dataset.aiLabel || "AI";
  const signInForm = byId("sign-in");
  const nameInput = byId("sign-in-name");
  const passwordInput = byId("sign-in-password");
  const signInButton = byId("sign-in-submit");
  const signInError = byId("sign-in-error");
  const desk = byId("desk");
  const consoleError = byId("console-error");
  const queuePanel = byId("queue");
  const queueHeading = byId("queue-heading");
  const queueCount = byId("queue-count");
  const queueList = byId("queue-list");
  const queueEmpty = byId("queue-empty");
  const noQueue = byId("no-queue");
  const approvalsPanel = byId("approvals");
  const approvalsStatus = byId("approvals-status");
  const approvalList = byId("approval-list");
  const approvalsRefresh = byId("approvals-refresh");
  const incidentsPanel = byId("incidents");
  const incidentsStatus = byId("incidents-status");
  const incidentsFilter = byId("incidents-filter");
  const incidentList = byId("incident-list");
  const incidentsRefresh = byId("incidents-refresh");
  const panel = byId("conversation");
  const heading = byId("conversation-heading");
  const stateLine = byId("conversation-state");
  const transcript = byId("transcript");
  const revealNotice = byId("reveal-notice");
  const buttons = {
    claim: byId("claim"),
    draft: byId("draft"),
    resolve: byId("resolve"),
    handBack: byId("hand-back"),
    reveal: byId("reveal"),
    hideOriginals: byId("hide-originals"),
    close: byId("close-conversation"),
  };
  const handBackForm = byId("hand-back-form");
  const handBackNote = byId("hand-back-note");
  const revealForm = byId("reveal-form");
  const revealReason = byId("reveal-reason");
  const replyForm = byId("reply-form");
  const replyText = byId("reply-text");
  const sendReply = byId("send-reply");
  const draftInfo = byId("draft-info");
  const discardDraft = byId("discard-draft");

  const CSRF_HEADER = "X-CSRF-Token";
  // Roles that may take over a conversation another member holds (conversation/desk.py).
  const TAKE_OVER_ROLES = ["supervisor", "admin"];
  const REASONS = {
    customer_request: "The customer asked for a person",
    contested: "The customer disagreed with an AI answer",
    low_confidence: "The AI was not confident enough to answer",
    negative_sentiment: "The customer seems upset or frustrated",
    repeated_failure: "The AI could not help after several tries",
    sensitive_topic: "A sensitive topic came up",
    approval_required: "An action needs a person's approval",
    consent_withdrawn: "The customer chose not to be helped by the AI",
    backend_error: "The AI assistant failed",
    guard_error: "A safety check failed",
  };
  const STATUS_WORDS = {
    ai_active: "with the AI assistant",
    handoff_requested: "waiting for a person",
    human_active: "with a person",
    resolved: "resolved",
  };
  const ROLE_WORDS = {
    agent: "agent",
    supervisor: "supervisor",
    auditor: "auditor",
    privacy_officer: "privacy officer",
    admin: "administrator",
  };
  // What a concern about an AI message can be about (conversation/incidents.py CATEGORIES).
  const CATEGORIES = {
    inaccurate: "Wrong or misleading",
    harmful: "Offensive or harmful",
    privacy: "Exposed personal data",
    unfair: "Unfair treatment",
    other: "Something else",
  };
  const INCIDENT_STATUSES = {
    open: "open",
    investigating: "being investigated",
    resolved: "resolved",
    dismissed: "dismissed",
  };
  // The placeholders personal data is stored as (privacy/placeholders.py): [EMAIL_ADDRESS_1].
  const PLACEHOLDER = /(\[[A-Z][A-Z_]*_\d+\])/;

  let me = null; // {name, role, display_name, permissions}
  let csrf = null;
  let queueItems = [];
  let queueFetchedAt = 0;
  let queueSource = null;
  let queueRetry = null;
  let queueBackoff = 2000;
  let ticker = null;
  let current = null; // the open conversation
  let convSource = null;
  let convRetry = null;
  let refreshTicket = 0;
  let draftId = null;
  let approvalsAvailable = true;
  let lastDecision = ""; // said in the approvals status until the next decision
  const approvalItems = new Map();
  const incidentItems = new Map(); // id -> {li, updated_at}
  let lastIncidentChange = "";

  // -- small helpers ------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function can(permission) {
    return Boolean(me && me.permissions.indexOf(permission) !== -1);
  }

  function setText(node, text) {
    // Only when it changes, so that a polite live region is not re-announced for nothing.
    if (node.textContent !== text) node.textContent = text;
  }

  function showBox(box, message) {
    box.textContent = message || "";
    box.hidden = !message;
  }

  function showError(message) { showBox(consoleError, message); }

  function report(err) {
    if (!err || err.handled) return;
    if (err.status === 403) showError("Not allowed: " + err.message);
    else showError(err.message || String(err));
  }

  function reasonText(code) {
    if (!code) return "Reason not recorded";
    return REASONS[code] || code.replace(/_/g, " ");
  }

  function formatWait(seconds) {
    if (seconds < 60) return seconds + " s";
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return minutes + " min " + String(seconds % 60).padStart(2, "0") + " s";
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return hours + " h " + String(minutes % 60).padStart(2, "0") + " min";
    return Math.floor(hours / 24) + " days";
  }

  function clock(iso) {
    const when = new Date(iso);
    if (isNaN(when.getTime())) return "";
    return when.toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  }

  function describeAction(approval) {
    const label = String(approval.action || "action").replace(/_/g, " ");
    const words = label.charAt(0).toUpperCase() + label.slice(1);
    if (typeof approval.amount !== "number") return words;
    return words + " of " + approval.amount.toFixed(2) + (approval.currency ? " " + approval.currency : "");
  }

  // -- the API ------------------------------------------------------------------------------

  async function api(method, path, body) {
    const headers = { Accept: "application/json" };
    // Every request carries the CSRF token; the server requires it on anything that changes.
    if (csrf) headers[CSRF_HEADER] = csrf;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(path, {
        method: method,
        headers: headers,
        credentials: "same-origin",
        cache: "no-store",
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      const offline = new Error("The server could not be reached; check the connection and try again.");
      offline.status = 0;
      throw offline;
    }
    const data = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      const message = (data.error && data.error.message) || "Request failed (" + response.status + ")";
      const error = new Error(message);
      error.status = response.status;
      error.retryAfter = parseInt(response.headers.get("Retry-After") || "", 10);
      if (response.status === 401 && me) {
        signedOut("Your session has ended. Sign in again to carry on.");
        error.handled = true;
      }
      throw error;
    }
    return data;
  }

  // -- signing in and out -------------------------------------------------------------------

  function showSignIn(message) {
    root.dataset.state = "signed-out";
    desk.hidden = true;
    signInForm.hidden = false;
    showBox(signInError, message);
  }

  function signedIn(data) {
    me = {
      name: data.name,
      role: data.role,
      display_name: data.display_name,
      permissions: data.permissions || [],
    };
    csrf = data.csrf_token;
    root.dataset.state = "signed-in";
    root.dataset.role = me.role;
    signInForm.hidden = true;
    showBox(signInError, "");
    showError("");
    desk.hidden = false;
    byId("me-name").textContent = me.display_name || me.name;
    byId("me-role").textContent = ROLE_WORDS[me.role] || me.role;
    queuePanel.hidden = !can("view_queue");
    noQueue.hidden = can("view_queue");
    approvalsPanel.hidden = !can("decide_approval");
    incidentsPanel.hidden = !can("view_incidents");
    if (can("view_incidents")) loadIncidents().catch(report);
    if (can("view_queue")) {
      loadQueue().catch(report);
      openQueueStream();
    }
    if (can("decide_approval")) loadApprovals().catch(report);
    if (ticker === null) ticker = window.setInterval(tick, 1000);
    (can("view_queue") ? queueHeading : byId("console-title")).focus();
  }

  function signedOut(message) {
    me = null;
    csrf = null;
    closeQueueStream();
    closeConversation(false);
    if (ticker !== null) window.clearInterval(ticker);
    ticker = null;
    queueItems = [];
    queueList.textContent = "";
    queueCount.textContent = "";
    approvalItems.clear();
    approvalList.textContent = "";
    approvalsAvailable = true;
    lastDecision = "";
    incidentItems.clear();
    incidentList.textContent = "";
    lastIncidentChange = "";
    delete root.dataset.role;
    showError("");
    showSignIn(message);
    nameInput.focus();
  }

  signInForm.addEventListener("submit", async function (event) {
    event.preventDefault();
    showBox(signInError, "");
    const name = nameInput.value.trim();
    const password = passwordInput.value;
    passwordInput.value = "";
    signInButton.disabled = true;
    try {
      signedIn(await api("POST", "/api/v1/staff/sign-in", { name: name, password: password }));
    } catch (err) {
      let message = err.message;
      if (err.status === 429) {
        let wait = err.retryAfter;
        if (!(wait > 0)) {
          const found = /(\d+)\s*s\b/.exec(err.message);
          wait = found ? parseInt(found[1], 10) : 60;
        }
        message = "Too many attempts, try again in " + wait + " s.";
      } else if (err.status === 401) {
        message = "Sign-in failed: the name or the password is wrong, or the account is disabled.";
      }
      showBox(signInError, message);
      passwordInput.focus();
    } finally {
      signInButton.disabled = false;
    }
  });

  byId("sign-out").addEventListener("click", async function () {
    try {
      await api("POST", "/api/v1/staff/sign-out");
    } catch (err) {
      if (err.handled) return;
    }
    signedOut("You have signed out.");
  });

  // Whether the session still holds (a 401 returns to the sign-in form through api()).
  async function checkSession() {
    try {
      const data = await api("GET", "/api/v1/staff/me");
      csrf = data.csrf_token || csrf;
      me.permissions = data.permissions || me.permissions;
      return true;
    } catch (err) {
      return false;
    }
  }

  // -- the queue ----------------------------------------------------------------------------

  async function loadQueue() {
    const data = await api("GET", "/api/v1/agent/queue");
    if (!me) return;
    queueItems = data.conversations || [];
    queueFetchedAt = Date.now();
    renderQueue();
  }

  function renderQueue() {
    const focused = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest(".queue-item") : null;
    const focusedId = focused ? focused.dataset.conversationId : null;
    const waiting = queueItems.filter(function (item) { return !item.assignee; }).length;
    setText(queueCount, waiting + " waiting for a person, " + (queueItems.length - waiting) + " with a person");
    queueList.textContent = "";
    queueEmpty.hidden = queueItems.length > 0;
    queueItems.forEach(function (item) {
      const li = el("li", "queue-item");
      li.dataset.conversationId = item.id;
      li.dataset.status = item.status;
      const open = el("button", "open");
      open.type = "button";
      if (current && current.id === item.id) open.setAttribute("aria-current", "true");
      open.appendChild(el("span", "reason", reasonText(item.handoff_reason)));
      const waitingFor = el("span", "waiting");
      waitingFor.dataset.base = item.waiting_s === null || item.waiting_s === undefined ? "" : String(item.waiting_s);
      open.appendChild(waitingFor);
      open.appendChild(el("span", "holder", item.assignee ? "Held by " + item.assignee : "Not claimed yet"));
      open.appendChild(el("span", "preview", item.preview || "No message from the customer yet"));
      open.addEventListener("click", function () {
        openConversation(item.id, item).catch(report);
      });
      li.appendChild(open);
      queueList.appendChild(li);
      if (item.id === focusedId) open.focus();
    });
    tick();
  }

  // Waiting times tick locally between fetches: the server's count plus the time since.
  function tick() {
    const elapsed = Math.max(0, Math.floor((Date.now() - queueFetchedAt) / 1000));
    queueList.querySelectorAll(".waiting").forEach(function (span) {
      const base = span.dataset.base;
      span.textContent = base === "" ? "Waiting time unknown" : "Waiting " + formatWait(parseInt(base, 10) + elapsed);
    });
  }

  function openQueueStream() {
    closeQueueStream();
    const source = new EventSource("/api/v1/agent/events");
    queueSource = source;
    source.addEventListener("open", function () { queueBackoff = 2000; });
    source.addEventListener("state", function () {
      loadQueue().then(function () {
        if (queueSource === source) root.dataset.queue = "live";
      }).catch(report);
      if (can("decide_approval")) loadApprovals().catch(report);
    });
    source.addEventListener("closed", function () {
      source.close();
      retryQueueStream();
    });
    source.addEventListener("error", function () {
      // CLOSED: the server refused the stream (signed out, or no longer allowed); otherwise
      // the browser reconnects by itself.
      if (source.readyState === EventSource.CLOSED && queueSource === source) retryQueueStream();
    });
  }

  function retryQueueStream() {
    if (queueRetry !== null) return;
    queueRetry = window.setTimeout(async function () {
      queueRetry = null;
      if (me && (await checkSession()) && can("view_queue")) openQueueStream();
    }, queueBackoff);
    queueBackoff = Math.min(queueBackoff * 2, 30000);
  }

  function closeQueueStream() {
    delete root.dataset.queue;
    if (queueSource) queueSource.close();
    queueSource = null;
    if (queueRetry !== null) window.clearTimeout(queueRetry);
    queueRetry = null;
  }

  // -- one conversation ---------------------------------------------------------------------

  async function openConversation(id, hint) {
    if (current && current.id !== id) closeConversation(false);
    if (!current) {
      current = {
        id: id,
        status: hint ? hint.status : null,
        assignee: hint ? hint.assignee : null,
        messages: [],
        lastSeq: 0,
        revealed: null,
        rendered: null,
      };
      clearDraft();
      replyText.value = "";
      hideInlineForms();
      showBox(revealNotice, "");
      transcript.textContent = "";
    }
    panel.hidden = false;
    heading.textContent = "Conversation " + id.slice(0, 8);
    markOpenInQueue();
    updateControls();
    await refreshConversation();
    openConversationStream(id);
    heading.focus();
  }

  function closeConversation(moveFocus) {
    closeConversationStream();
    current = null;
    // What was shown (originals included) leaves the page with the conversation.
    transcript.textContent = "";
    replyText.value = "";
    clearDraft();
    hideInlineForms();
    showBox(revealNotice, "");
    panel.hidden = true;
    markOpenInQueue();
    if (moveFocus) queueHeading.focus();
  }

  function markOpenInQueue() {
    queueList.querySelectorAll(".queue-item").forEach(function (li) {
      const button = li.querySelector("button");
      if (current && li.dataset.conversationId === current.id) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    });
  }

  async function refreshConversation() {
    if (!current) return;
    const id = current.id;
    const ticket = ++refreshTicket;
    let data;
    try {
      data = await api("GET", "/api/v1/agent/conversations/" + encodeURIComponent(id));
    } catch (err) {
      // A conversation that left the people's queue (resolved, handed back) may be closed to
      // this role: keep what was shown and say why nothing more comes.
      if (err.status === 403 && current && current.id === id && current.messages.length) {
        closeConversationStream();
        setText(stateLine, stateText() + " Your role can no longer read this conversation.");
        return;
      }
      throw err;
    }
    if (!current || current.id !== id || ticket !== refreshTicket) return;
    current.status = data.status;
    current.messages = data.messages || [];
    current.drafts = {};  // the assistant's withheld drafts, by the customer message they answer
    (data.withheld_drafts || []).forEach(function (d) {
      if (d.customer_seq !== null) current.drafts[d.customer_seq] = d;
    });
    renderTranscript();
    updateControls();
  }

  function openConversationStream(id) {
    closeConversationStream();
    const source = new EventSource("/api/v1/agent/conversations/" + encodeURIComponent(id) + "/events");
    convSource = source;
    source.addEventListener("state", function (event) {
      let state;
      try { state = JSON.parse(event.data); } catch (err) { return; }
      if (!current || current.id !== id) return;
      const changed = state.last_seq !== current.lastSeq || state.status !== current.status;
      current.assignee = state.assignee;
      if (changed) {
        current.status = state.status;
        refreshConversation().catch(report);
      }
      updateControls();
    });
    source.addEventListener("closed", function () {
      source.close();
      if (convSource === source) convSource = null;
    });
    source.addEventListener("error", function () {
      if (source.readyState !== EventSource.CLOSED || convSource !== source) return;
      convSource = null;
      convRetry = window.setTimeout(async function () {
        convRetry = null;
        if (me && current && current.id === id && (await checkSession())) {
          refreshConversation().then(function () {
            if (current && current.id === id && !convSource) openConversationStream(id);
          }).catch(report);
        }
      }, 3000);
    });
  }

  function closeConversationStream() {
    if (convSource) convSource.close();
    convSource = null;
    if (convRetry !== null) window.clearTimeout(convRetry);
    convRetry = null;
  }

  function stateText() {
    if (!current || !current.status) return "";
    let text = "Status: " + (STATUS_WORDS[current.status] || current.status) + ".";
    if (current.status === "human_active") {
      text += current.assignee === me.name ? " You are handling it." : " Held by " + (current.assignee || "another member of staff") + ".";
    } else if (current.status === "handoff_requested" && can("claim")) {
      text += " Claim it to reply.";
    }
    return text;
  }

  function updateControls() {
    if (!current || !me) return;
    const status = current.status;
    const mine = status === "human_active" && current.assignee === me.name;
    const takeOver = TAKE_OVER_ROLES.indexOf(me.role) !== -1;
    const heldByOther = status === "human_active" && !mine;
    setText(stateLine, stateText());
    panel.dataset.status = status || "";
    buttons.claim.hidden = !can("claim");
    buttons.claim.disabled = !(status === "handoff_requested" || (heldByOther && takeOver));
    buttons.draft.hidden = !can("assist_draft");
    buttons.draft.disabled = !mine;
    buttons.resolve.hidden = !can("resolve");
    buttons.resolve.disabled = !status || status === "resolved" || (heldByOther && !takeOver);
    buttons.handBack.hidden = !can("hand_back");
    buttons.handBack.disabled = !mine;
    // Hidden for roles the server would refuse; it checks again on every reveal.
    buttons.reveal.hidden = !can("reveal");
    buttons.reveal.disabled = Boolean(current.revealed);
    buttons.hideOriginals.hidden = !current.revealed;
    replyForm.hidden = !can("reply");
    replyText.disabled = !mine;
    sendReply.disabled = !mine;
    if (!mine) hideInlineForm(handBackForm);
  }

  // -- the transcript -----------------------------------------------------------------------

  // Paragraphs, **bold** (as the chat page shows them) and marked placeholders, as DOM nodes.
  function renderText(container, text) {
    String(text).split(/\n{2,}/).forEach(function (para) {
      const p = document.createElement("p");
      para.split(/(\*\*[^*]+\*\*)/).forEach(function (part) {
        if (/^\*\*[^*]+\*\*$/.test(part)) {
          const strong = document.createElement("strong");
          withPlaceholders(strong, part.slice(2, -2));
          p.appendChild(strong);
        } else if (part) {
          withPlaceholders(p, part);
        }
      });
      container.appendChild(p);
    });
  }

  function withPlaceholders(container, text) {
    text.split(PLACEHOLDER).forEach(function (part, index) {
      if (!part) return;
      if (index % 2 === 1) { // split() puts the captured placeholders at odd indexes
        const mark = el("mark", "placeholder", part);
        mark.title = "Personal data, kept hidden. Reveal originals to see it (recorded).";
        container.appendChild(mark);
      } else {
        container.appendChild(document.createTextNode(part));
      }
    });
  }

  // The assistant's draft for a customer message that the customer was not sent as written
  // (below the confidence threshold, stopped or changed by a guard, held for approval): shown
  // to staff only, folded, with why; personal data stays as placeholders.
  function withheldItem(draft) {
    const item = el("li", "message withheld");
    const details = el("details", "");
    const summary = el("summary", "", "Assistant's draft, not sent as written — " + draft.reason);
    details.appendChild(summary);
    const body = el("div", "body");
    renderText(body, draft.text || "");
    details.appendChild(body);
    item.appendChild(details);
    return item;
  }

  function messageItem(message) {
    const person = !message.ai && message.role === "agent";
    const item = el("li", "message " + message.role + (message.ai ? " ai" : "") + (person ? " person" : ""));
    item.dataset.seq = String(message.seq);
    const meta = el("div", "meta");
    if (message.ai) {
      const badge = el("span", "badge ai-label", aiLabel);
      badge.title = "Written by the AI assistant";
      meta.appendChild(badge);
    } else if (person) {
      const badge = el("span", "badge person-label", "Person");
      badge.title = "Written by a member of staff";
      meta.appendChild(badge);
    }
    let who = "Support team";
    if (message.ai) who = "Assistant";
    else if (message.role === "customer") who = "Customer";
    else if (message.author) who = message.author;
    meta.appendChild(el("span", "who", who));
    if (message.created_at) {
      const time = el("time", "when", clock(message.created_at));
      time.dateTime = message.created_at;
      meta.appendChild(time);
    }
    if (message.ai && typeof message.confidence === "number") {
      meta.appendChild(el("span", "confidence", "confidence " + message.confidence.toFixed(2)));
    }
    item.appendChild(meta);
    const body = el("div", "body");
    renderText(body, message.text || "");
    item.appendChild(body);
    const cited = citationList(message.citations);
    if (cited) item.appendChild(cited);
    if (message.ai && message.seq && can("report_concern")) item.appendChild(concernControl(message.seq));
    return item;
  }

  // "Report a concern" under an AI message: a small form, openly or anonymously.
  function concernControl(seq) {
    const box = el("div", "concern");
    const open = el("button", "link concern-open", "Report a concern");
    open.type = "button";
    open.setAttribute("aria-expanded", "false");
    open.setAttribute("aria-label", "Report a concern about AI message " + seq);
    box.appendChild(open);
    const form = el("form", "inline-form concern-form");
    form.hidden = true;
    const kind = el("label", "", "What is wrong with this AI message?");
    const select = el("select");
    Object.keys(CATEGORIES).forEach(function (key) {
      const option = el("option", "", CATEGORIES[key]);
      option.value = key;
      select.appendChild(option);
    });
    kind.appendChild(select);
    form.appendChild(kind);
    const say = el("label", "", "Details (optional; personal data is stored as placeholders)");
    const comment = el("textarea");
    comment.rows = 2;
    comment.maxLength = 1000;
    say.appendChild(comment);
    form.appendChild(say);
    const anon = el("label", "check");
    const anonymous = el("input");
    anonymous.type = "checkbox";
    anon.appendChild(anonymous);
    anon.appendChild(document.createTextNode(" Report anonymously: your name is not stored, so nobody — supervisors and administrators included — can see who reported it"));
    form.appendChild(anon);
    const row = el("div", "form-actions");
    const send = el("button", "", "Send concern");
    send.type = "submit";
    const cancel = el("button", "secondary", "Cancel");
    cancel.type = "button";
    row.appendChild(send);
    row.appendChild(cancel);
    form.appendChild(row);
    box.appendChild(form);
    const done = el("p", "muted concern-done");
    done.setAttribute("role", "status");
    box.appendChild(done);
    open.addEventListener("click", function () {
      form.hidden = !form.hidden;
      open.setAttribute("aria-expanded", String(!form.hidden));
      if (!form.hidden) select.focus();
    });
    cancel.addEventListener("click", function () {
      form.hidden = true;
      open.setAttribute("aria-expanded", "false");
      open.focus();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!current) return;
      showError("");
      send.disabled = true;
      const body = { message_seq: seq, category: select.value, anonymous: anonymous.checked };
      if (comment.value.trim()) body.comment = comment.value;
      api("POST", path("concerns"), body)
        .then(function () {
          form.hidden = true;
          open.hidden = true;
          done.textContent = anonymous.checked
            ? "Concern reported anonymously. It is now an incident."
            : "Concern reported. It is now an incident.";
          done.tabIndex = -1;
          done.focus();
          if (can("view_incidents")) loadIncidents().catch(report);
        })
        .catch(function (err) {
          report(err);
          send.disabled = false;
          select.focus();
        });
    });
    return box;
  }

  function citationList(citations) {
    if (!citations || !citations.length) return null;
    const sources = el("div", "citations");
    sources.appendChild(document.createTextNode("Sources: "));
    citations.forEach(function (c, i) {
      if (i) sources.appendChild(document.createTextNode(" · "));
      const parts = String(c.source || "").split("#");
      const link = el("a", "citation", c.title || c.source);
      link.href = "/help/" + parts[0].split("/").map(encodeURIComponent).join("/") + "#" + encodeURIComponent(parts[1] || "");
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      sources.appendChild(link);
    });
    return sources;
  }

  // New messages are appended (the live region announces only those); a change of view
  // (originals shown or hidden) rebuilds the list.
  function renderTranscript() {
    if (!current) return;
    const mode = current.revealed ? "revealed" : "placeholders";
    let shown = current.messages;
    if (current.revealed) {
      const revealedUpTo = current.revealed.messages.reduce(function (top, m) { return Math.max(top, m.seq); }, 0);
      shown = current.revealed.messages.concat(current.messages.filter(function (m) { return m.seq > revealedUpTo; }));
    }
    if (!current.rendered || current.rendered.mode !== mode) {
      transcript.textContent = "";
      current.rendered = { mode: mode, lastSeq: 0 };
    }
    shown.forEach(function (message) {
      if (message.seq > current.rendered.lastSeq) {
        transcript.appendChild(messageItem(message));
        const draft = current.drafts && current.drafts[message.seq];
        if (draft) transcript.appendChild(withheldItem(draft));
        current.rendered.lastSeq = message.seq;
      }
    });
    current.lastSeq = current.messages.reduce(function (top, m) { return Math.max(top, m.seq); }, 0);
    transcript.scrollTop = transcript.scrollHeight;
  }

  // -- actions on the open conversation -----------------------------------------------------

  function path(action) {
    return "/api/v1/agent/conversations/" + encodeURIComponent(current.id) + "/" + action;
  }

  async function act(button, work) {
    showError("");
    button.disabled = true;
    try {
      await work();
    } catch (err) {
      report(err);
    } finally {
      // Buttons of the open conversation follow its state; the others are enabled again.
      button.disabled = false;
      updateControls();
    }
  }

  buttons.claim.addEventListener("click", function () {
    act(buttons.claim, async function () {
      const data = await api("POST", path("claim"));
      current.status = data.status;
      current.assignee = data.assignee;
      updateControls();
      await refreshConversation();
      if (can("view_queue")) loadQueue().catch(report);
      replyText.focus();
    });
  });

  buttons.draft.addEventListener("click", function () {
    act(buttons.draft, async function () {
      const data = await api("POST", path("draft"));
      const draft = data.draft;
      draftId = draft.id;
      replyText.value = draft.text;
      draftInfo.textContent = "";
      let about = "Draft by the assistant — check and edit it before sending.";
      if (typeof draft.confidence === "number") about += " Confidence " + draft.confidence.toFixed(2) + ".";
      draftInfo.appendChild(document.createTextNode(about + " "));
      const cited = citationList(draft.citations);
      if (cited) draftInfo.appendChild(cited);
      draftInfo.hidden = false;
      discardDraft.hidden = false;
      replyText.focus();
      replyText.setSelectionRange(replyText.value.length, replyText.value.length);
    });
  });

  function clearDraft() {
    draftId = null;
    draftInfo.textContent = "";
    draftInfo.hidden = true;
    discardDraft.hidden = true;
  }

  discardDraft.addEventListener("click", function () {
    clearDraft();
    replyText.value = "";
    replyText.focus();
  });

  // While the agent writes, the customer sees "<name> is typing…": a signal at most every
  // TYPING_EVERY_MS (the server shows each for a few seconds longer than that).
  const TYPING_EVERY_MS = 3000;
  let typingSentAt = 0;
  let typingFor = null;

  function signalTyping() {
    if (!current || replyText.disabled || !replyText.value.trim()) return;
    const now = Date.now();
    if (typingFor === current.id && now - typingSentAt < TYPING_EVERY_MS) return;
    typingFor = current.id;
    typingSentAt = now;
    api("POST", path("typing")).catch(function () { /* a presence hint: nothing to report */ });
  }

  replyText.addEventListener("input", function () {
    // Emptied: whatever is written next is the agent's own, not the draft edited.
    if (!replyText.value.trim() && draftId) clearDraft();
    signalTyping();
  });

  replyText.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      replyForm.requestSubmit();
    }
  });

  replyForm.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = replyText.value.trim();
    if (!text || !current) return;
    act(sendReply, async function () {
      const body = { text: text };
      if (draftId) body.draft_id = draftId;
      await api("POST", path("reply"), body);
      typingSentAt = 0; // the next words are a new reply: signal at once
      replyText.value = "";
      clearDraft();
      await refreshConversation();
      replyText.focus();
    });
  });

  buttons.resolve.addEventListener("click", function () {
    act(buttons.resolve, async function () {
      await api("POST", path("resolve"));
      current.status = "resolved";
      updateControls();
      await refreshConversation();
      if (can("view_queue")) loadQueue().catch(report);
    });
  });

  function hideInlineForm(form) {
    form.hidden = true;
    form.reset();
  }

  function hideInlineForms() {
    hideInlineForm(handBackForm);
    hideInlineForm(revealForm);
  }

  function showInlineForm(form, field) {
    hideInlineForms();
    form.hidden = false;
    field.focus();
  }

  [handBackForm, revealForm].forEach(function (form) {
    const opener = form === handBackForm ? buttons.handBack : buttons.reveal;
    form.querySelector("[data-cancel]").addEventListener("click", function () {
      hideInlineForm(form);
      opener.focus();
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        hideInlineForm(form);
        opener.focus();
      }
    });
  });

  buttons.handBack.addEventListener("click", function () {
    showInlineForm(handBackForm, handBackNote);
  });

  handBackForm.addEventListener("submit", function (event) {
    event.preventDefault();
    const note = handBackNote.value.trim();
    if (!note || !current) return;
    act(byId("hand-back-confirm"), async function () {
      await api("POST", path("hand-back"), { note: note });
      hideInlineForm(handBackForm);
      current.status = "ai_active";
      current.assignee = null;
      updateControls();
      if (can("view_queue")) loadQueue().catch(report);
      await refreshConversation();
    });
  });

  buttons.reveal.addEventListener("click", function () {
    showInlineForm(revealForm, revealReason);
  });

  revealForm.addEventListener("submit", function (event) {
    event.preventDefault();
    const reason = revealReason.value.trim();
    if (!current) return;
    if (reason.length < 10) {
      showError("Say why you need the originals in at least 10 characters; the reason is recorded.");
      revealReason.focus();
      return;
    }
    const id = current.id;
    act(byId("reveal-confirm"), async function () {
      let data;
      try {
        data = await api("POST", path("reveal"), { reason: reason });
      } catch (err) {
        if (err.status === 403) hideInlineForm(revealForm);
        throw err;
      }
      if (!current || current.id !== id) return;
      hideInlineForm(revealForm);
      current.revealed = { messages: data.messages || [], placeholders: data.revealed || [] };
      renderTranscript();
      const which = current.revealed.placeholders;
      showBox(revealNotice, which.length
        ? "Originals shown for " + which.join(", ") + ". This reveal was recorded (your name, the reason and the time) before anything was shown."
        : "There was no personal data behind placeholders to show. The request was recorded.");
      buttons.hideOriginals.focus();
    });
  });

  buttons.hideOriginals.addEventListener("click", function () {
    if (!current) return;
    current.revealed = null;
    showBox(revealNotice, "");
    renderTranscript();
    updateControls();
    buttons.reveal.focus();
  });

  buttons.close.addEventListener("click", function () { closeConversation(true); });

  // -- approvals ----------------------------------------------------------------------------

  async function loadApprovals() {
    if (!approvalsAvailable || !can("decide_approval")) return;
    let data;
    try {
      data = await api("GET", "/api/v1/agent/approvals");
    } catch (err) {
      if (err.status === 404) {
        approvalsAvailable = false;
        setText(approvalsStatus, "Approvals are not available on this server yet.");
        approvalsRefresh.hidden = true;
        return;
      }
      throw err;
    }
    if (!me) return;
    const pending = (data.approvals || []).filter(function (a) { return a.status === "pending"; });
    const keep = new Set(pending.map(function (a) { return a.id; }));
    approvalItems.forEach(function (li, id) {
      if (!keep.has(id)) {
        li.remove();
        approvalItems.delete(id);
      }
    });
    // Existing entries stay as they are, so a note being typed is not lost.
    pending.forEach(function (approval) {
      if (!approvalItems.has(approval.id)) {
        const li = approvalItem(approval);
        approvalItems.set(approval.id, li);
        approvalList.appendChild(li);
      }
    });
    const waiting = pending.length
      ? pending.length + (pending.length === 1 ? " decision waits for you." : " decisions wait for you.")
      : "No decision is waiting.";
    setText(approvalsStatus, lastDecision ? lastDecision + " " + waiting : waiting);
  }

  function approvalItem(approval) {
    const li = el("li", "approval");
    li.dataset.approvalId = approval.id;
    const what = describeAction(approval);
    li.appendChild(el("h3", "approval-action", what));
    if (approval.rule) li.appendChild(el("p", "approval-rule", "Rule: " + approval.rule));
    if (approval.ai_reason) li.appendChild(el("p", "approval-reason", "Why the AI proposed it: " + approval.ai_reason));
    li.appendChild(el("p", "muted", "Requested " + clock(approval.requested_at)));
    const open = el("button", "link", "Open the conversation");
    open.type = "button";
    open.setAttribute("aria-label", "Open the conversation of the " + what.toLowerCase());
    open.addEventListener("click", function () {
      openConversation(approval.conversation_id, null).catch(report);
    });
    li.appendChild(open);
    const label = el("label", "approval-note");
    label.appendChild(document.createTextNode("Note on the " + what.toLowerCase() + " (recorded with your decision)"));
    const note = el("textarea");
    note.rows = 2;
    note.maxLength = 1000;
    label.appendChild(note);
    li.appendChild(label);
    const row = el("div", "form-actions");
    const approve = el("button", "approve", "Approve");
    approve.type = "button";
    const deny = el("button", "deny secondary danger", "Deny");
    deny.type = "button";
    row.appendChild(approve);
    row.appendChild(deny);
    li.appendChild(row);
    function decide(verdict, button) {
      const text = note.value.trim();
      if (!text) {
        showError("Add a note to the decision: it is recorded, and the customer is told the outcome.");
        note.focus();
        return;
      }
      showError("");
      approve.disabled = true;
      deny.disabled = true;
      api("POST", "/api/v1/agent/approvals/" + encodeURIComponent(approval.id) + "/" + verdict, { note: text })
        .then(function () {
          li.remove();
          approvalItems.delete(approval.id);
          lastDecision = (verdict === "approve" ? "Approved: " : "Denied: ") + what + ".";
          setText(approvalsStatus, lastDecision);
          byId("approvals-heading").focus();
          loadApprovals().catch(report);
          if (current && current.id === approval.conversation_id) refreshConversation().catch(report);
        })
        .catch(function (err) {
          approve.disabled = false;
          deny.disabled = false;
          report(err);
          button.focus();
        });
    }
    approve.addEventListener("click", function () { decide("approve", approve); });
    deny.addEventListener("click", function () { decide("deny", deny); });
    return li;
  }

  approvalsRefresh.addEventListener("click", function () {
    showError("");
    loadApprovals().catch(report);
  });

  // -- incidents (concerns about AI messages) ----------------------------------------------

  async function loadIncidents() {
    if (!can("view_incidents")) return;
    const data = await api("GET", "/api/v1/incidents?status=" + encodeURIComponent(incidentsFilter.value));
    if (!me) return;
    const items = data.incidents || [];
    const keep = new Set(items.map(function (i) { return i.id; }));
    incidentItems.forEach(function (entry, id) {
      if (!keep.has(id)) {
        entry.li.remove();
        incidentItems.delete(id);
      }
    });
    // In the server's order (newest first); an entry is rebuilt only when it changed, so a
    // note being typed is not lost.
    items.forEach(function (incident) {
      const known = incidentItems.get(incident.id);
      let li = known && known.updated_at === incident.updated_at ? known.li : null;
      if (!li) {
        li = incidentItem(incident);
        if (known) known.li.replaceWith(li);
        incidentItems.set(incident.id, { li: li, updated_at: incident.updated_at });
      }
      incidentList.appendChild(li);
    });
    const count = items.length + (items.length === 1 ? " incident" : " incidents");
    const shown = incidentsFilter.value === "active" ? count + " open or being investigated." : count + ".";
    setText(incidentsStatus, lastIncidentChange ? lastIncidentChange + " " + shown : shown);
  }

  function incidentItem(incident) {
    const li = el("li", "incident");
    li.dataset.incidentId = incident.id;
    li.dataset.status = incident.status;
    const what = CATEGORIES[incident.category] || incident.category_label || incident.category;
    li.appendChild(el("h3", "incident-title", what + " — " + (INCIDENT_STATUSES[incident.status] || incident.status)));
    li.appendChild(el("p", "muted", "Reported by " + incident.reported_by + " · " + clock(incident.created_at)));
    if (!incident.conversation_id) {
      // Raised by no conversation (an alert, an audit finding): what it is about, in words.
      li.appendChild(el("p", "incident-subject", incident.subject || "No conversation concerned."));
    } else {
      li.appendChild(el("p", "", "About AI message " + incident.message_seq + " of conversation " + String(incident.conversation_id).slice(0, 8)));
    }
    if (incident.conversation_id && can("read_transcript")) {
      const open = el("button", "link", "Open the conversation");
      open.type = "button";
      open.setAttribute("aria-label", "Open the conversation of the incident: " + what.toLowerCase());
      open.addEventListener("click", function () {
        openConversation(incident.conversation_id, null).catch(report);
      });
      li.appendChild(open);
    }
    if (incident.comment) {
      const comment = el("p", "incident-comment");
      comment.appendChild(document.createTextNode("Comment: "));
      withPlaceholders(comment, incident.comment);
      li.appendChild(comment);
    }
    li.appendChild(el("p", "", "Owner: " + (incident.owner || "nobody yet")));
    if (incident.resolution_note) {
      const note = el("p", "incident-note");
      note.appendChild(document.createTextNode("Resolution note: "));
      withPlaceholders(note, incident.resolution_note);
      li.appendChild(note);
    }
    if (!can("manage_incidents")) return li;
    const form = el("form", "incident-form");
    const statusLabel = el("label", "", "Status");
    const status = el("select");
    Object.keys(INCIDENT_STATUSES).forEach(function (key) {
      const option = el("option", "", key.charAt(0).toUpperCase() + key.slice(1));
      option.value = key;
      option.selected = key === incident.status;
      status.appendChild(option);
    });
    statusLabel.appendChild(status);
    form.appendChild(statusLabel);
    const noteLabel = el("label", "", "Resolution note (needed to resolve or dismiss; recorded)");
    const note = el("textarea");
    note.rows = 2;
    note.maxLength = 1000;
    noteLabel.appendChild(note);
    form.appendChild(noteLabel);
    const takeLabel = el("label", "check");
    const take = el("input");
    take.type = "checkbox";
    take.checked = false;
    takeLabel.appendChild(take);
    takeLabel.appendChild(document.createTextNode(" Make me the owner"));
    if (incident.owner !== me.name) form.appendChild(takeLabel);
    const save = el("button", "", "Save");
    save.type = "submit";
    form.appendChild(save);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      const body = {};
      if (status.value !== incident.status) body.status = status.value;
      if (note.value.trim()) body.resolution_note = note.value;
      if (take.checked) body.take_ownership = true;
      if (!Object.keys(body).length) {
        showError("Change the status, write a resolution note or take ownership, then save.");
        status.focus();
        return;
      }
      showError("");
      save.disabled = true;
      api("PATCH", "/api/v1/incidents/" + encodeURIComponent(incident.id), body)
        .then(function (data) {
          const updated = data.incident;
          lastIncidentChange = "Saved: the incident “" + what + "” is " + (INCIDENT_STATUSES[updated.status] || updated.status) + ".";
          byId("incidents-heading").focus();
          loadIncidents().catch(report);
        })
        .catch(function (err) {
          save.disabled = false;
          report(err);
          save.focus();
        });
    });
    li.appendChild(form);
    return li;
  }

  incidentsFilter.addEventListener("change", function () {
    lastIncidentChange = "";
    loadIncidents().catch(report);
  });
  incidentsRefresh.addEventListener("click", function () {
    showError("");
    loadIncidents().catch(report);
  });

  // -- start --------------------------------------------------------------------------------

  async function start() {
    try {
      const data = await api("GET", "/api/v1/staff/me");
      if (data.via === "session") {
        signedIn(data);
        return;
      }
      showSignIn("");
    } catch (err) {
      showSignIn(err.status === 401 ? "" : err.message);
    }
    nameInput.focus();
  }

  start();
})();
