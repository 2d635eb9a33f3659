// The /search/ page: start Pagefind's search box (the site's only script).
// Pagefind's files sit in the site's own pagefind/ folder; nothing else loads.
window.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("search");
  if (!box) return;
  if (typeof window.PagefindUI !== "function") {
    document.getElementById("search-unavailable").hidden = false;
    return;
  }
  new window.PagefindUI({
    element: "#search",
    bundlePath: box.dataset.bundle,
    showSubResults: true,
    showImages: false,
  });
  // Pagefind labels its box with a placeholder only; name it by the visible text.
  const input = box.querySelector("input");
  if (input) input.setAttribute("aria-labelledby", "search-label");
});
