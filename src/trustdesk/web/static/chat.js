// TrustDesk chat page. Every piece of text is inserted with textContent: nothing typed by a
// customer or returned by the server is ever parsed as HTML.
(function () {
  "use strict";
  const chat = document.getElementById("chat");
  const list = document.getElementById("messages");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const sendButton = document.getElementById("send");
  const handoffButton = document.getElementById("handoff");
  const restartButton = document.getElementById("restart");
  const statusBox = document.getElementById("status");
  const errorBox = document.getElementById("error");
  const consentForm = document.getElementById("consent");
  const choices = document.getElementById("privacy-choices");
  const aiLabel = chat.dataset.aiLabel || "AI";
  const STORE_KEY = "trustdesk.conversation";
  const STATUS_TEXT = {
    handoff_requested: "A person from our team has been asked to take over. The AI assistant will not reply any more.",
    human_active: "A person from our team is handling this conversation.",
    resolved: "This conversation is resolved.",
  };
  let session = null;

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  function setStatus(status) {
    chat.dataset.status = status;
    const text = STATUS_TEXT[status];
    statusBox.textContent = text || "";
    statusBox.hidden = !text;
    handoffButton.disabled = status !== "ai_active";
    const aiBox = choices.querySelector('input[data-purpose="ai_assistance"]');
    if (aiBox && status !== "ai_active") aiBox.disabled = true;
    const closed = status === "resolved";
    input.disabled = closed;
    sendButton.disabled = closed;
  }

  // Paragraphs, line breaks and **bold**, built as DOM nodes (never innerHTML).
  function renderText(container, text) {
    text.split(/\n{2,}/).forEach(function (para) {
      const p = document.createElement("p");
      para.split(/(\*\*[^*]+\*\*)/).forEach(function (part) {
        if (/^\*\*[^*]+\*\*$/.test(part)) {
          const strong = document.createElement("strong");
          strong.textContent = part.slice(2, -2);
          p.appendChild(strong);
        } else if (part) {
          p.appendChild(document.createTextNode(part));
        }
      });
      container.appendChild(p);
    });
  }

  function addMessage(message) {
    const item = document.createElement("li");
    item.className = "message " + message.role + (message.ai ? " ai" : "");
    const meta = document.createElement("div");
    meta.className = "meta";
    if (message.ai) {
      const badge = document.createElement("span");
      badge.className = "badge ai-label";
      badge.textContent = aiLabel;
      badge.title = "Written by an AI assistant";
      meta.appendChild(badge);
    }
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = message.ai ? "Assistant" : message.role === "customer" ? "You" : "Support team";
    meta.appendChild(who);
    item.appendChild(meta);
    const body = document.createElement("div");
    body.className = "body";
    renderText(body, message.text);
    item.appendChild(body);
    if (message.citations && message.citations.length) {
      const sources = document.createElement("div");
      sources.className = "citations";
      sources.appendChild(document.createTextNode("Sources: "));
      message.citations.forEach(function (c, i) {
        if (i) sources.appendChild(document.createTextNode(" · "));
        const link = document.createElement("a");
        link.href = "/help/" + encodeURIComponent(c.source.split("#")[0]) + "#" + encodeURIComponent(c.source.split("#")[1] || "");
        link.textContent = c.title;
        link.className = "citation";
        sources.appendChild(link);
      });
      item.appendChild(sources);
    }
    list.appendChild(item);
    list.scrollTop = list.scrollHeight;
  }

  async function call(method, path, body) {
    const headers = { "Content-Type": "application/json" };
    if (session) headers.Authorization = "Bearer " + session.token;
    const response = await fetch(path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      const message = (data.error && data.error.message) || "Request failed (" + response.status + ")";
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function showChat(live) {
    consentForm.hidden = live;
    form.hidden = !live;
    choices.hidden = !live;
    handoffButton.hidden = !live;
    restartButton.hidden = !live;
  }

  async function loadConsents() {
    const data = await call("GET", "/api/v1/conversations/" + session.id + "/consents");
    choices.querySelectorAll("input[data-purpose]").forEach(function (box) {
      const current = data.consents[box.dataset.purpose];
      // No record for AI assistance means the customer chose the AI by starting the chat.
      box.checked = current ? current.granted : box.dataset.purpose === "ai_assistance";
    });
  }

  // The whole transcript, a page at a time (the API answers at most 100 messages per call).
  async function reloadTranscript() {
    const messages = [];
    let after = 0;
    let data;
    do {
      data = await call("GET", "/api/v1/conversations/" + session.id + "?after=" + after);
      data.messages.forEach(function (message) { messages.push(message); });
      after = data.next_after;
    } while (after !== null && after !== undefined);
    list.textContent = "";
    messages.forEach(addMessage);
    return data;
  }

  async function begin(useAi) {
    showError("");
    const data = await call("POST", "/api/v1/conversations", {
      channel: "web_chat",
      consents: {
        ai_assistance: useAi,
        transcript_storage: document.getElementById("consent-transcript").checked,
        service_improvement: document.getElementById("consent-improvement").checked,
      },
    });
    session = { id: data.id, token: data.token };
    sessionStorage.setItem(STORE_KEY, JSON.stringify(session));
    list.textContent = "";
    data.messages.forEach(addMessage);
    setStatus(data.status);
    showChat(true);
    await loadConsents();
  }

  async function start() {
    list.textContent = "";
    const saved = sessionStorage.getItem(STORE_KEY);
    if (saved) {
      try {
        session = JSON.parse(saved);
        const data = await reloadTranscript();
        setStatus(data.status);
        showChat(true);
        await loadConsents();
        return;
      } catch (err) {
        sessionStorage.removeItem(STORE_KEY);
        session = null;
      }
    }
    showChat(false);
  }

  consentForm.addEventListener("submit", function (event) {
    event.preventDefault();
    begin(true).catch(function (err) { showError("Could not start the chat: " + err.message); });
  });
  document.getElementById("start-person").addEventListener("click", function () {
    begin(false).catch(function (err) { showError("Could not start the chat: " + err.message); });
  });

  choices.querySelectorAll("input[data-purpose]").forEach(function (box) {
    box.addEventListener("change", async function () {
      showError("");
      try {
        const data = await call("POST", "/api/v1/conversations/" + session.id + "/consents", {
          purpose: box.dataset.purpose, granted: box.checked, channel: "web_chat",
        });
        if (data.reply) addMessage({ role: "assistant", ai: data.reply.ai, text: data.reply.text, citations: [] });
        setStatus(data.status);
      } catch (err) {
        box.checked = !box.checked;
        showError(err.message);
      }
    });
  });

  document.getElementById("download").addEventListener("click", async function () {
    showError("");
    try {
      const response = await fetch("/api/v1/conversations/" + session.id + "/export?format=html", {
        headers: { Authorization: "Bearer " + session.token },
      });
      if (!response.ok) throw new Error("Download failed (" + response.status + ")");
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = "my-support-data.html";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    } catch (err) {
      showError(err.message);
    }
  });

  document.getElementById("erase").addEventListener("click", async function () {
    if (!window.confirm("Delete everything we hold about you from this chat? This cannot be undone.")) return;
    showError("");
    try {
      await call("POST", "/api/v1/conversations/" + session.id + "/erase");
      sessionStorage.removeItem(STORE_KEY);
      session = null;
      list.textContent = "";
      addMessage({ role: "assistant", ai: false, text: "Your data has been deleted.", citations: [] });
      showChat(false);
    } catch (err) {
      showError(err.message);
    }
  });

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    showError("");
    sendButton.disabled = true;
    try {
      const data = await call("POST", "/api/v1/conversations/" + session.id + "/messages", { text: text });
      input.value = "";
      // Show the transcript as stored (the customer's own details filled back in).
      await reloadTranscript();
      setStatus(data.status);
    } catch (err) {
      showError(err.message);
    } finally {
      sendButton.disabled = chat.dataset.status === "resolved";
    }
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  handoffButton.addEventListener("click", async function () {
    showError("");
    try {
      const data = await call("POST", "/api/v1/conversations/" + session.id + "/handoff");
      if (data.reply) addMessage({ role: "assistant", ai: data.reply.ai, text: data.reply.text, citations: [] });
      setStatus(data.status);
    } catch (err) {
      showError(err.message);
    }
  });

  restartButton.addEventListener("click", function () {
    sessionStorage.removeItem(STORE_KEY);
    session = null;
    showError("");
    const aiBox = choices.querySelector('input[data-purpose="ai_assistance"]');
    if (aiBox) aiBox.disabled = false;
    start().catch(function (err) { showError(err.message); });
  });

  start().catch(function (err) { showError("Could not start the chat: " + err.message); });
})();
