// The /search/ page: start Pagefind's search box (the site's only script).
// Pagefind's files sit in the site's own pagefind/ folder; nothing else loads.
// A big site's index comes in shards of one language each
// (press/output/search_shards.py): pagefind/shards.json lists every bundle
// and its language; the page searches the bundles of its own language.
async function listedBundles(bundle) {
  try {
    const response = await fetch(`${bundle}shards.json`);
    const listed = response.ok ? (await response.json()).shards : null;
    if (Array.isArray(listed)) {
      return listed.filter((shard) => shard && typeof shard.path === "string");
    }
  } catch {
    // an index made before shards: one bundle, every language
  }
  return [{ path: "", language: null }];
}

window.addEventListener("DOMContentLoaded", async () => {
  const box = document.getElementById("search");
  if (!box) return;
  if (typeof window.PagefindUI !== "function") {
    document.getElementById("search-unavailable").hidden = false;
    return;
  }
  const base = new URL(box.dataset.bundle, window.location.href);
  const language = document.documentElement.lang.toLowerCase();
  const listed = await listedBundles(box.dataset.bundle);
  const ours = listed.filter((s) => s.language === null || s.language === language);
  // By path, as Pagefind names a bundle: its results link by path too.
  const [first, ...others] = (ours.length ? ours : listed.slice(0, 1)).map(
    (shard) => new URL(shard.path, base).pathname,
  );
  new window.PagefindUI({
    element: "#search",
    bundlePath: first,
    mergeIndex: others.map((path) => ({ bundlePath: path })),
    showSubResults: true,
    showImages: false,
  });
  // Pagefind labels its box with a placeholder only; name it by the visible text.
  const input = box.querySelector("input");
  if (input) input.setAttribute("aria-labelledby", "search-label");
});
