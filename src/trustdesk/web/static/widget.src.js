// TrustDesk chat widget. Served as /widget.js with the business's name and colour filled in;
// a site includes it with <script src="https://SUPPORT-HOST/widget.js" async></script>.
// It adds a launcher button and, when opened, a panel with the chat (SUPPORT-HOST/embed) in an
// iframe: the conversation runs on TrustDesk's own origin, so the host page never sees a
// token or a message. Everything is drawn inside a shadow root, so the site's styles cannot
// reach it and it cannot reach the site's. No text is ever parsed as HTML.
(function () {
  "use strict";
  const config = /*CONFIG*/null;
  const script = document.currentScript;
  if (!config || !script || window.__trustdeskWidget) return;
  window.__trustdeskWidget = true;
  const origin = new URL(script.src, window.location.href).origin;

  const host = document.createElement("div");
  host.setAttribute("data-trustdesk-widget", "");
  const root = host.attachShadow({ mode: "open" });
  const css =
    ":host{all:initial}" +
    ".launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;min-width:56px;" +
    "min-height:56px;padding:0 20px;border:0;border-radius:28px;background:" + config.colour + ";" +
    "color:#fff;font:600 16px/1 system-ui,-apple-system,'Segoe UI',sans-serif;cursor:pointer;" +
    "box-shadow:0 4px 14px rgba(0,0,0,.25)}" +
    ".launcher:focus-visible,.close:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}" +
    ".badge{display:inline-block;margin-left:8px;padding:2px 6px;border-radius:4px;" +
    "background:rgba(255,255,255,.2);font-size:12px}" +
    ".panel{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:min(400px,calc(100vw - 40px));" +
    "height:min(640px,calc(100vh - 120px));display:flex;flex-direction:column;background:#fff;" +
    "border-radius:12px;overflow:hidden;box-shadow:0 8px 30px rgba(0,0,0,.3)}" +
    ".panel[hidden]{display:none}" +
    ".bar{display:flex;align-items:center;justify-content:space-between;padding:0 8px 0 16px;" +
    "min-height:48px;background:" + config.colour + ";color:#fff;" +
    "font:600 15px/1.2 system-ui,-apple-system,'Segoe UI',sans-serif}" +
    ".close{min-width:44px;min-height:44px;border:0;background:transparent;color:#fff;" +
    "font-size:24px;cursor:pointer}" +
    "iframe{flex:1;width:100%;border:0}" +
    "@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;height:100vh;border-radius:0}}";
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function") {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement("style");
    style.textContent = css;
    root.appendChild(style);
  }

  // The language: the tag's data-lang, else the browser's first supported one, else the
  // policy's. The chat in the frame is asked for the same one.
  function pick() {
    const wanted = [script.getAttribute("data-lang")].concat(navigator.languages || [navigator.language]);
    for (let i = 0; i < wanted.length; i += 1) {
      const code = String(wanted[i] || "").slice(0, 2).toLowerCase();
      if (Object.prototype.hasOwnProperty.call(config.strings, code)) return code;
    }
    return config.language;
  }
  const lang = pick();
  const words = config.strings[lang];
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  const title = fill(words.widget_title, {
    assistant: config.assistant, label: config.label, organization: config.name,
  });
  const launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = "launcher";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "trustdesk-panel");
  launcher.textContent = words.widget_open;
  launcher.lang = lang;
  const badge = document.createElement("span");
  badge.className = "badge";
  badge.textContent = config.label;
  launcher.appendChild(badge);
  launcher.setAttribute("aria-label", title);

  const panel = document.createElement("section");
  panel.className = "panel";
  panel.id = "trustdesk-panel";
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.lang = lang;
  panel.setAttribute("aria-label", title);
  const bar = document.createElement("div");
  bar.className = "bar";
  const heading = document.createElement("span");
  heading.textContent = config.name + " · " + config.label;
  const close = document.createElement("button");
  close.type = "button";
  close.className = "close";
  close.setAttribute("aria-label", words.widget_close);
  close.textContent = "×";
  bar.appendChild(heading);
  bar.appendChild(close);
  panel.appendChild(bar);

  let frame = null;
  function open() {
    if (!frame) {  // loaded on first open: a visitor who never opens it costs nothing
      frame = document.createElement("iframe");
      frame.title = title;
      frame.src = origin + "/embed?lang=" + encodeURIComponent(lang);
      frame.setAttribute("allow", "clipboard-write");
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    frame.focus();
  }
  function shut() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }
  launcher.addEventListener("click", function () { if (panel.hidden) open(); else shut(); });
  close.addEventListener("click", shut);
  panel.addEventListener("keydown", function (event) { if (event.key === "Escape") shut(); });
  // Escape pressed inside the chat's frame arrives as a message from that frame only.
  window.addEventListener("message", function (event) {
    if (frame && event.source === frame.contentWindow && event.origin === origin &&
        event.data === "trustdesk:close" && !panel.hidden) shut();
  });

  root.appendChild(panel);
  root.appendChild(launcher);
  (document.body || document.documentElement).appendChild(host);
})();
