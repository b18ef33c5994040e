// openslides-ts projector script (served as /system/projector/static/projector.js).
// Usage, as the official client does: `Projector(hostElement, projectorId, () => accessToken, { lang })`
// returns a destroy function. The script subscribes to /system/projector/subscribe/<id> (server-sent
// events read through fetch, so that the Authentication header can be sent), writes the projector
// HTML into a shadow root of the host (or into the host with `standalone`), and keeps the clock,
// countdowns, overlays and scaling up to date.

const HEALTH_URL = "/system/projector/health";
const MIN_RECONNECT_MS = 1000;
const MAX_RECONNECT_MS = 30000;

let serverOffsetMs = 0;
const serverNow = () => Date.now() + serverOffsetMs;

function pad(value) {
  return String(value).padStart(2, "0");
}

function formatDuration(totalSeconds) {
  const negative = totalSeconds < 0;
  let seconds = Math.abs(Math.round(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const text = hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
  return negative ? `-${text}` : text;
}

function updateCountdowns(root) {
  for (const element of root.querySelectorAll("os-countdown")) {
    const running = element.dataset.running === "true";
    const time = Number(element.dataset.countdownTime) || 0;
    const defaultTime = Number(element.dataset.defaultTime) || 0;
    const warningTime = Number(element.dataset.warningTime) || 0;
    const displayType = element.dataset.displayType || "onlyCountdown";
    const remaining = running ? time - serverNow() / 1000 : time;
    element.classList.toggle("negative", remaining < 0);
    element.classList.toggle("warning", remaining >= 0 && warningTime > 0 && remaining <= warningTime);
    let html = "";
    if (displayType !== "onlyTimeIndicator") html += `<span class="countdown-time">${formatDuration(remaining)}</span>`;
    if (displayType !== "onlyCountdown" && defaultTime > 0) {
      const share = Math.max(0, Math.min(1, remaining / defaultTime));
      html += `<span class="countdown-indicator"><span style="width:${(share * 100).toFixed(1)}%"></span></span>`;
    }
    if (element.innerHTML !== html) element.innerHTML = html;
  }
}

function updateClock(root) {
  const clock = root.querySelector("#clock-time");
  if (!clock) return;
  const now = new Date(serverNow());
  const text = `${pad(now.getHours())}:${pad(now.getMinutes())}`;
  if (clock.textContent !== text) clock.textContent = text;
}

/** Slides whose content marks itself as overlay go into the overlay container. */
function organizeOverlays(root) {
  const overlays = root.querySelector(".overlay-container");
  if (!overlays) return;
  for (const slide of root.querySelectorAll("#slides > .slide")) {
    if (slide.querySelector('[data-is-overlay="true"]')) overlays.appendChild(slide);
  }
  for (const slide of [...overlays.children]) {
    if (!slide.querySelector('[data-is-overlay="true"]')) overlays.parentElement.insertBefore(slide, overlays);
  }
}

/** Scales the projector (width from --projector-width) to the host's size. */
function fitToHost(host, root) {
  const container = root.querySelector("#projector-container");
  if (!container) return;
  const style = getComputedStyle(container);
  const width = Number(style.getPropertyValue("--projector-width")) || 1200;
  const numerator = Number(style.getPropertyValue("--projector-aspect-ratio-numerator")) || 16;
  const denominator = Number(style.getPropertyValue("--projector-aspect-ratio-denominator")) || 9;
  const height = (width * denominator) / numerator;
  const hostWidth = host.offsetWidth || width;
  const hostHeight = host.offsetHeight || height;
  const scale = Math.min(hostWidth / width, hostHeight / height) || 1;
  container.style.width = `${width}px`;
  container.style.height = `${height}px`;
  const left = Math.max(0, (hostWidth - width * scale) / 2);
  const top = Math.max(0, (hostHeight - height * scale) / 2);
  container.style.transform = `translate(${left}px, ${top}px) scale(${scale})`;
  container.style.transformOrigin = "top left";
  host.style.setProperty("--projector-height", String(height));
}

/** Reads server-sent events from a fetch response body; calls onEvent(name, data) per frame. */
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message";
      const data = [];
      for (const line of frame.split("\n")) {
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? "" : line.slice(colon + 1);
        if (text.startsWith(" ")) text = text.slice(1);
        if (field === "event") name = text;
        else if (field === "data") data.push(text);
      }
      onEvent(name, data.join("\n"));
    }
  }
}

export function Projector(host, id, auth = () => "", config = {}) {
  config = Object.assign({ standalone: false, lang: null }, config);
  const root = config.standalone ? host : host.shadowRoot || host.attachShadow({ mode: "open" });
  const template = host.querySelector("#current-content");
  const initialContent = template ? template.innerHTML : "";

  const refresh = () => {
    organizeOverlays(root);
    fitToHost(host, root);
    updateClock(root);
    updateCountdowns(root);
  };
  const tick = setInterval(() => {
    updateClock(root);
    updateCountdowns(root);
  }, 250);
  const onResize = () => fitToHost(host, root);
  window.addEventListener("resize", onResize);
  const resizeObserver = typeof ResizeObserver === "function" ? new ResizeObserver(onResize) : null;
  resizeObserver?.observe(host);

  if (initialContent) {
    root.innerHTML = initialContent;
    refresh();
  }

  let stopped = false;
  let controller = null;
  let reconnectTimer = null;
  let reconnectDelay = MIN_RECONNECT_MS;
  let haveContent = !!initialContent;
  let connections = 0;

  const destroy = () => {
    stopped = true;
    clearInterval(tick);
    clearTimeout(reconnectTimer);
    window.removeEventListener("resize", onResize);
    resizeObserver?.disconnect();
    controller?.abort();
  };
  if (!id) return destroy;

  const handlers = {
    connected(data) {
      const server = Number(data);
      if (Number.isFinite(server)) serverOffsetMs = server - Date.now();
      updateClock(root);
    },
    settings(data) {
      const settings = JSON.parse(data);
      const container = root.querySelector("#projector-container");
      if (!container) return;
      const properties = {
        "--projector-color": settings.Color,
        "--projector-background-color": settings.BackgroundColor,
        "--projector-header-background-color": settings.HeaderBackgroundColor,
        "--projector-header-font-color": settings.HeaderFontColor,
        "--projector-header-h1-color": settings.HeaderH1Color,
        "--projector-chyron-background-color": settings.ChyronBackgroundColor,
        "--projector-chyron-background-color2": settings.ChyronBackgroundColor2,
        "--projector-chyron-font-color": settings.ChyronFontColor,
        "--projector-chyron-font-color2": settings.ChyronFontColor2,
        "--projector-width": settings.Width,
        "--projector-aspect-ratio-numerator": settings.AspectRatioNumerator,
        "--projector-aspect-ratio-denominator": settings.AspectRatioDenominator,
        "--projector-scroll": settings.Scroll,
        "--projector-scale": settings.Scale,
      };
      for (const [name, value] of Object.entries(properties)) {
        if (value !== undefined && value !== "" && value !== null) container.style.setProperty(name, String(value));
      }
      fitToHost(host, root);
    },
    "projector-replace"(data) {
      root.innerHTML = JSON.parse(data);
      haveContent = true;
      refresh();
    },
    "projection-updated"(data) {
      const slides = JSON.parse(data);
      const parent = root.querySelector("#slides");
      for (const [projectionId, html] of Object.entries(slides)) {
        let slide = root.querySelector(`#slides .slide[data-id="${CSS.escape(projectionId)}"]`);
        if (!slide && parent) {
          slide = document.createElement("div");
          slide.className = "slide";
          slide.dataset.id = projectionId;
          parent.insertBefore(slide, parent.querySelector(".overlay-container"));
        }
        if (slide) slide.innerHTML = html;
      }
      refresh();
    },
    "projection-deleted"(data) {
      root.querySelector(`#slides .slide[data-id="${CSS.escape(data.trim())}"]`)?.remove();
    },
    deleted() {
      root.innerHTML = "";
      haveContent = false;
    },
  };

  async function healthy() {
    try {
      const response = await fetch(HEALTH_URL, { cache: "no-store", headers: { "ngsw-bypass": "1" } });
      return response.ok;
    } catch {
      return false;
    }
  }

  function scheduleReconnect() {
    if (stopped || reconnectTimer) return;
    reconnectTimer = setTimeout(async () => {
      reconnectTimer = null;
      if (stopped) return;
      if (await healthy()) {
        connect();
      } else {
        reconnectDelay = Math.min(reconnectDelay * 2, MAX_RECONNECT_MS);
        scheduleReconnect();
      }
    }, reconnectDelay);
  }

  async function connect() {
    const url = new URL(`/system/projector/subscribe/${encodeURIComponent(id)}`, window.location.href);
    // The first frame carries the content unless the page brought it; after a reconnect always,
    // since changes may have been missed meanwhile.
    if (!haveContent || connections > 0) url.searchParams.set("init", "1");
    connections++;
    if (config.lang) url.searchParams.set("lang", config.lang);
    controller = new AbortController();
    let retry = true;
    try {
      const headers = { Accept: "text/event-stream", "ngsw-bypass": "1" };
      const token = auth ? auth() : "";
      if (token) headers.Authentication = token;
      const response = await fetch(url, { headers, credentials: "same-origin", cache: "no-store", signal: controller.signal });
      if (!response.ok || !response.body) {
        // Only server errors are worth a retry; 4xx (no permission, unknown projector) are final.
        retry = response.status >= 500;
        console.warn("[projector]", `subscription to ${id} failed with ${response.status}`);
        return;
      }
      reconnectDelay = MIN_RECONNECT_MS;
      await readEvents(response, (name, data) => {
        try {
          handlers[name]?.(data);
        } catch (error) {
          console.warn("[projector]", `event ${name} could not be handled`, error);
        }
      });
    } catch (error) {
      if (stopped) return;
      console.warn("[projector]", `connection to ${id} lost`, error);
    } finally {
      if (!stopped && retry) scheduleReconnect();
    }
  }

  connect();
  window.addEventListener("unload", destroy, { once: true });
  return destroy;
}
