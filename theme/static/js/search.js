// The /search/ page: start Pagefind's search box (the site's only script).
// Pagefind's files sit in the site's own pagefind/ folder; nothing else loads.
// A big site's index comes in shards (press/output/search_shards.py):
// pagefind/shards.json names the bundles merged into the first one's results.
async function otherShards(bundle) {
  try {
    const response = await fetch(`${bundle}shards.json`);
    const listed = response.ok ? (await response.json()).shards : [];
    return Array.isArray(listed) ? listed.filter((path) => typeof path === "string") : [];
  } catch {
    return []; // an index made before shards: one bundle
  }
}

window.addEventListener("DOMContentLoaded", async () => {
  const box = document.getElementById("search");
  if (!box) return;
  if (typeof window.PagefindUI !== "function") {
    document.getElementById("search-unavailable").hidden = false;
    return;
  }
  const bundle = box.dataset.bundle;
  const base = new URL(bundle, window.location.href);
  const shards = await otherShards(bundle);
  new window.PagefindUI({
    element: "#search",
    bundlePath: bundle,
    // By path, as Pagefind names the first bundle: its results link by path too.
    mergeIndex: shards.map((path) => ({ bundlePath: new URL(path, base).pathname })),
    showSubResults: true,
    showImages: false,
  });
  // Pagefind labels its box with a placeholder only; name it by the visible text.
  const input = box.querySelector("input");
  if (input) input.setAttribute("aria-labelledby", "search-label");
});
