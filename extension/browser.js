// The one seam to the browser's extension APIs (chrome.* in Chromium, the same namespace in
// Firefox). Everything else imports from here, so tests and the demo page can do without it.

const api = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;

export const available = !!(api && api.runtime && api.runtime.id);

/** Localised string `key` with `$1`.. substitutions. */
export function t(key, ...subs) {
  const s = available && api.i18n ? api.i18n.getMessage(key, subs.map(String)) : "";
  return s || key;
}

export function url(path) {
  return api.runtime.getURL(path);
}

export function send(message) {
  return api.runtime.sendMessage(message);
}

export function onMessage(handler) {
  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    Promise.resolve()
      .then(() => handler(msg, sender))
      .then(sendResponse, (e) => sendResponse({ ok: false, code: "internal", message: String((e && e.message) || e) }));
    return true;
  });
}

export async function activeTab() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab;
}

export function getTab(tabId) {
  return api.tabs.get(tabId);
}

export async function inject(tabId, files) {
  await api.scripting.executeScript({ target: { tabId }, files });
}

/** Runs `func(...args)` in the tab's content-script world; resolves to its result. */
export async function run(tabId, func, args = []) {
  const [res] = await api.scripting.executeScript({ target: { tabId }, func, args });
  return res ? res.result : undefined;
}

const lastCss = new Map();
/** Replaces the style sheet WhoSaid added to the tab. */
export async function setCss(tabId, css) {
  const old = lastCss.get(tabId);
  if (old) await api.scripting.removeCSS({ target: { tabId }, css: old }).catch(() => {});
  await api.scripting.insertCSS({ target: { tabId }, css });
  lastCss.set(tabId, css);
}

export function badge(tabId, text) {
  if (!api.action) return;
  api.action.setBadgeBackgroundColor({ tabId, color: "#1f6fd1" }).catch(() => {});
  api.action.setBadgeText({ tabId, text }).catch(() => {});
}

export const DEFAULT_SETTINGS = { palette: "default", customColors: [], autoSites: [], officialsOnly: false };

export async function settings() {
  if (!available || !api.storage) return { ...DEFAULT_SETTINGS };
  const got = await api.storage.local.get(DEFAULT_SETTINGS);
  return { ...DEFAULT_SETTINGS, ...got };
}

export function saveSettings(values) {
  return api.storage.local.set(values);
}

export function onSettingsChanged(fn) {
  if (available && api.storage) api.storage.onChanged.addListener(fn);
}

/** The host-permission pattern of an origin: match patterns carry no port (Firefox rejects one). */
export function originPattern(origin) {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

export function hasOrigin(origin) {
  return api.permissions.contains({ origins: [originPattern(origin)] });
}
export function requestOrigin(origin) {
  return api.permissions.request({ origins: [originPattern(origin)] });
}
export function removeOrigin(origin) {
  return api.permissions.remove({ origins: [originPattern(origin)] });
}

export function onCommand(fn) {
  if (api.commands) api.commands.onCommand.addListener(fn);
}

export function setupMenus(items, onClick) {
  if (!api.contextMenus) return;
  const create = async () => {
    await api.contextMenus.removeAll();
    for (const item of items) api.contextMenus.create(item, () => void api.runtime.lastError);
  };
  api.runtime.onInstalled.addListener(create);
  if (api.runtime.onStartup) api.runtime.onStartup.addListener(create);
  api.contextMenus.onClicked.addListener(onClick);
}

export function onTabComplete(fn) {
  api.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status === "complete") fn(tabId, tab);
  });
}

export function openOptions() {
  return api.runtime.openOptionsPage();
}
