/* hipdx pages: body-map toggles, interview forms without page reloads, print helpers.
   Plain JavaScript, no dependencies; every page also works with JavaScript off. */
(function () {
  "use strict";

  /* Body map: each zone is a role=checkbox group; click, Enter or Space toggles it and keeps
     the hidden form inputs and the visible list of chosen zones in step. */
  function setupBodyMap(root) {
    var map = root.querySelector("[data-body-map]");
    if (!map || map.dataset.ready) return;
    map.dataset.ready = "1";
    var form = map.closest("form");
    var list = root.querySelector("[data-zone-list]");
    var none = root.querySelector("[data-zone-none]");

    function sync() {
      form.querySelectorAll("input[data-zone-input]").forEach(function (el) { el.remove(); });
      var chosen = [];
      map.querySelectorAll(".zone[role=checkbox]").forEach(function (zone) {
        if (zone.getAttribute("aria-checked") === "true") {
          var input = document.createElement("input");
          input.type = "hidden"; input.name = "zones"; input.value = zone.dataset.zone;
          input.setAttribute("data-zone-input", "");
          form.appendChild(input);
          chosen.push(zone.getAttribute("aria-label"));
        }
      });
      if (list) {
        list.innerHTML = "";
        chosen.forEach(function (name) {
          var li = document.createElement("li"); li.textContent = name; list.appendChild(li);
        });
      }
      if (none) none.hidden = chosen.length > 0;
    }

    function toggle(zone) {
      var on = zone.getAttribute("aria-checked") === "true";
      zone.setAttribute("aria-checked", on ? "false" : "true");
      sync();
    }

    map.querySelectorAll(".zone[role=checkbox]").forEach(function (zone) {
      zone.addEventListener("click", function () { toggle(zone); });
      zone.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
          event.preventDefault();
          toggle(zone);
        }
      });
    });
    form.querySelectorAll("noscript").forEach(function (el) { el.remove(); });
    sync();
  }

  /* Forms marked data-swap post with fetch and replace the element named by data-swap with the
     server's fragment (the server sends the same fragment it renders into the full page). */
  function setupSwaps(root) {
    root.querySelectorAll("form[data-swap]").forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "1";
      form.addEventListener("submit", function (event) {
        if (form.dataset.noswap) return;
        event.preventDefault();
        var submitter = event.submitter || null;
        var target = document.querySelector(form.dataset.swap);
        var data = new FormData(form, submitter || undefined);
        var buttons = form.querySelectorAll("button");
        buttons.forEach(function (b) { b.disabled = true; });
        fetch(form.action, {
          method: "POST",
          body: data,
          headers: { "X-Fragment": "1", "Accept": "text/html" },
          credentials: "same-origin"
        }).then(function (response) {
          var go = response.headers.get("X-Location");
          if (go) { window.location.assign(go); return null; }
          return response.text().then(function (html) {
            if (!response.ok && !html) throw new Error(String(response.status));
            return html;
          });
        }).then(function (html) {
          if (html === null) return;
          target.outerHTML = html;
          var fresh = document.querySelector(form.dataset.swap);
          init(fresh);
          var focus = fresh.querySelector("[data-autofocus]") || fresh;
          focus.focus();
        }).catch(function () {
          buttons.forEach(function (b) { b.disabled = false; });
          form.dataset.noswap = "1";
          form.requestSubmit(submitter);
        });
      });
    });
  }

  function setupPrint(root) {
    root.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.setAttribute("open", ""); });
  });

  function init(root) {
    setupBodyMap(root);
    setupSwaps(root);
    setupPrint(root);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
})();
