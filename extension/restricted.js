// Pages no extension may script: browser pages, other extensions, the PDF viewer, the web stores.

const SCHEMES = ["chrome:", "chrome-extension:", "chrome-search:", "chrome-untrusted:", "devtools:", "edge:", "about:", "moz-extension:", "resource:", "view-source:", "data:", "javascript:", "blob:"];
const STORES = ["chromewebstore.google.com", "addons.mozilla.org", "microsoftedge.microsoft.com"];

/** True when WhoSaid cannot run on `url`. */
export function restrictedUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch (e) {
    return true;
  }
  if (SCHEMES.includes(u.protocol)) return true;
  if (STORES.includes(u.hostname)) return true;
  if (u.hostname === "chrome.google.com" && u.pathname.startsWith("/webstore")) return true;
  if (/\.pdf$/i.test(u.pathname)) return true;
  return false;
}
