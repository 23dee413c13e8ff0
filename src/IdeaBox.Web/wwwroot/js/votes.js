// Voting without a page reload: the vote forms still post as usual without JavaScript; with it, the
// vote block is swapped in place, the result is announced in a live region and the focus stays on
// the block's button. A refusal for too many votes (429) is said in the block.
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
        if (response.status === 429) return null;
        throw new Error(String(response.status));
      })
      .then(function (html) {
        if (html === null) {
          // Too many votes in a short time: say so in the block, the page stays as it is.
          var message = block.querySelector(".vote-refused") || document.createElement("p");
          message.className = "vote-refused field-error";
          message.textContent = block.getAttribute("data-too-many") || "";
          block.appendChild(message);
          live.textContent = message.textContent;
          return;
        }
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
