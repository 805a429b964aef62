// getMessage for pages outside the extension (the demo page): reads the same _locales/en strings,
// with the same placeholder rules ($NAME$ placeholders whose content is $1..$9).

export async function loadMessages(url) {
  const res = await fetch(url);
  const messages = await res.json();
  return (key, ...subs) => {
    const m = messages[key];
    if (!m) return key;
    const ph = m.placeholders || {};
    return m.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (all, name) => {
      const p = ph[name.toLowerCase()];
      if (!p) return all;
      return p.content.replace(/\$(\d)/g, (x, d) => (subs[Number(d) - 1] != null ? String(subs[Number(d) - 1]) : ""));
    });
  };
}
