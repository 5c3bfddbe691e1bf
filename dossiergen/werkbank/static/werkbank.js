/* dossiergen werkbank: live pages and form rows. No library, no network beyond this server.
 *
 * Live: the server sends an event whenever a dossier, template or house style changes; the
 * page then fetches its own address again and swaps the content of <main>, unless a form on
 * it has unsaved edits (then it says the file changed and keeps what was typed).
 * Rows: "toevoegen" copies the list's <template> with a new index; "Verwijder" removes a row.
 */
(function () {
  "use strict";

  var dirty = false;
  var generation = Number(document.body.dataset.generatie || "0");
  var busy = false;

  function live(state) {
    var mark = document.getElementById("live");
    if (mark) { mark.className = "live " + state; }
  }

  function refresh() {
    if (busy) { return; }
    if (dirty) {
      var notice = document.getElementById("buiten-gewijzigd");
      if (notice) { notice.hidden = false; }
      return;
    }
    busy = true;
    fetch(window.location.href, { headers: { "X-Werkbank-Deel": "1" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null) {
          var main = document.getElementById("inhoud");
          var scroll = window.scrollY;
          main.innerHTML = html;
          window.scrollTo(0, scroll);
          document.body.dataset.vernieuwd = String(Date.now());
          bind(main);
        }
      })
      .finally(function () { busy = false; });
  }

  function listen() {
    if (!window.EventSource) { return; }
    var source = new EventSource("/gebeurtenissen");
    source.addEventListener("open", function () { live("aan"); });
    source.addEventListener("error", function () { live("uit"); });
    source.addEventListener("stand", function (event) {
      var next = Number(event.data);
      if (next !== generation) {
        generation = next;
        refresh();
      }
    });
  }

  function addRow(list) {
    var template = list.querySelector(":scope > template");
    if (!template) { return; }
    var index = Number(list.dataset.volgende || "0");
    list.dataset.volgende = String(index + 1);
    var html = template.innerHTML.split(list.dataset.lijst + ".__rij__").join(list.dataset.lijst + "." + index)
      .split("veld-" + list.dataset.lijst.split(".").join("-") + "-__rij__")
      .join("veld-" + list.dataset.lijst.split(".").join("-") + "-" + index);
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    list.querySelector(":scope > .rijen").appendChild(row);
    bind(row);
    var first = row.querySelector("input, select, textarea");
    if (first) { first.focus(); }
    dirty = true;
  }

  function bind(root) {
    root.querySelectorAll("[data-voegtoe]").forEach(function (button) {
      button.addEventListener("click", function () { addRow(button.closest("[data-lijst]")); });
    });
    root.querySelectorAll("[data-verwijder]").forEach(function (button) {
      button.addEventListener("click", function () {
        button.closest(".rij").remove();
        dirty = true;
      });
    });
    root.querySelectorAll("[data-formulier]").forEach(function (form) {
      form.addEventListener("input", function () { dirty = true; });
      form.addEventListener("submit", function () {
        dirty = false;
        form.querySelectorAll("template").forEach(function (t) { t.remove(); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    bind(document);
    listen();
  });
})();
