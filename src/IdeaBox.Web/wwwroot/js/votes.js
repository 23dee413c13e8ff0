// Voting without a page reload: the vote forms still post as usual without JavaScript; with it, the
// vote block is swapped in place, the result is announced in a live region and the focus stays on
// the block's button.
(function () {
  "use strict";
  var live = document.getElementById("vote-live");
  if (!live || !window.fetch || !window.FormData) return;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var block = form.closest && form.closest("section.votes");
    if (!block) return;
    event.preventDefault();
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "X-IdeaBox-Fetch": "1" } })
      .then(function (response) {
        if (response.ok || response.status === 409) return response.text();
        throw new Error(String(response.status));
      })
      .then(function (html) {
        var holder = document.createElement("div");
        holder.innerHTML = html.trim();
        var fresh = holder.querySelector("section.votes");
        if (!fresh) { form.submit(); return; }
        block.replaceWith(fresh);
        live.textContent = fresh.getAttribute("data-message") || "";
        var button = fresh.querySelector("button");
        if (button) button.focus();
      })
      .catch(function () { form.submit(); });
  });
})();
