// Code blocks: a Copy button on each, loaded only on pages that show code.
// It copies the code alone: line numbers and diff signs are drawn by the
// stylesheet, and prompts, output and diff headers are left out here.
{
  // The button's words come from the page's language (the script tag says them).
  const words = document.currentScript.dataset;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.dataset.pagefindIgnore = "";
  document.body.append(status);

  function say(button, words) {
    button.textContent = status.textContent = words;
    setTimeout(() => { button.textContent = words.copy; status.textContent = ""; }, 2000);
  }

  for (const block of document.querySelectorAll(".highlight")) {
    const code = block.querySelector("code");
    if (!code) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = words.copy;
    button.dataset.pagefindIgnore = "";
    button.addEventListener("click", () => {
      const copy = code.cloneNode(true);
      copy.querySelectorAll(".gp, .go, .diff-meta").forEach((chrome) => chrome.remove());
      navigator.clipboard.writeText(copy.textContent.replace(/\n$/, "")).then(
        () => say(button, words.copied),
        () => say(button, words.failed),
      );
    });
    block.append(button);
  }
}
