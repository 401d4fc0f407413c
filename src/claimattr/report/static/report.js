/* claimattr report: table <-> text links, sorting, filtering. Plain JS, no library, nothing fetched.
   window.claimattrInit(root) wires every document under root (the web app calls it on new results). */
(function () {
  "use strict";
  var smooth = !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);

  function claimsOf(el) { return (el.getAttribute("data-claims") || "").split(" "); }

  function initDoc(doc) {
    if (doc.getAttribute("data-ca-ready")) return;
    doc.setAttribute("data-ca-ready", "1");
    var marks = Array.prototype.slice.call(doc.querySelectorAll(".ca-text .ca-m"));
    var tbody = doc.querySelector(".ca-claims tbody");
    var rows = Array.prototype.slice.call(doc.querySelectorAll(".ca-claims tbody tr[data-claim]"));
    var filters = Array.prototype.slice.call(doc.querySelectorAll("[data-filter]"));
    var shown = doc.querySelector(".ca-shown");
    var speakerButtons = Array.prototype.slice.call(doc.querySelectorAll(".ca-speaker-button"));

    function rowOf(n) { return doc.querySelector('.ca-claims tr[data-claim="' + n + '"]'); }
    function marksOf(n) { return marks.filter(function (m) { return claimsOf(m).indexOf(n) >= 0; }); }

    function activate(n) {
      doc.querySelectorAll(".is-active").forEach(function (el) { el.classList.remove("is-active"); el.removeAttribute("aria-current"); });
      marksOf(n).forEach(function (m) { m.classList.add("is-active"); });
      var row = rowOf(n);
      if (row) { row.classList.add("is-active"); row.setAttribute("aria-current", "true"); }
      return row;
    }

    /* table row -> the claim in the text */
    function showInText(n) {
      activate(n);
      var first = marksOf(n)[0];
      if (!first) return;
      var handle = doc.querySelector('.ca-m[tabindex][data-claim="' + n + '"]') || first;
      first.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
      handle.focus({ preventScroll: true });
    }

    /* mark in the text -> its row in the table */
    function showInTable(n) {
      var row = activate(n);
      if (!row) return;
      if (row.hidden) { filters.forEach(function (f) { f.value = ""; }); applyFilters(); }
      row.scrollIntoView({ block: "nearest", behavior: smooth ? "smooth" : "auto" });
    }

    function applyFilters() {
      var wanted = {};
      filters.forEach(function (f) { wanted[f.getAttribute("data-filter")] = f.value; });
      var visible = {}, count = 0;
      rows.forEach(function (row) {
        var ok = (!wanted.speaker || row.getAttribute("data-speaker") === wanted.speaker) &&
                 (!wanted.kind || row.getAttribute("data-kind") === wanted.kind);
        row.hidden = !ok;
        if (ok) { visible[row.getAttribute("data-claim")] = true; count += 1; }
      });
      var filtered = !!(wanted.speaker || wanted.kind);
      marks.forEach(function (m) {
        var on = !filtered || claimsOf(m).some(function (n) { return visible[n]; });
        m.classList.toggle("is-dim", !on);
      });
      speakerButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(!!wanted.speaker && b.getAttribute("data-speaker") === wanted.speaker)); });
      if (shown) shown.textContent = count + " of " + rows.length + " claims";
    }

    function sortBy(button) {
      var th = button.parentNode, column = Number(button.getAttribute("data-sort"));
      var numeric = button.hasAttribute("data-numeric");
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      th.parentNode.querySelectorAll("th").forEach(function (other) { other.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      function key(row) {
        var cell = row.children[column];
        var value = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
        return numeric ? Number(value) : value.trim().toLowerCase();
      }
      rows.slice().sort(function (a, b) {
        var x = key(a), y = key(b);
        var order = numeric ? x - y : x.localeCompare(y);
        if (order === 0) order = Number(a.getAttribute("data-claim")) - Number(b.getAttribute("data-claim"));
        return ascending ? order : -order;
      }).forEach(function (row) { tbody.appendChild(row); });
    }

    rows.forEach(function (row) {
      var n = row.getAttribute("data-claim");
      row.addEventListener("click", function () { showInText(n); });
      row.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showInText(n); }
      });
    });
    marks.forEach(function (m) {
      var n = m.getAttribute("data-claim");
      m.addEventListener("click", function (e) {
        if (m.classList.contains("is-dim")) return;
        e.stopPropagation();
        showInTable(n);
      });
      m.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showInTable(n); }
      });
    });
    /* figures in dispute: a value or claim link also highlights its claim (the link scrolls) */
    doc.querySelectorAll(".ca-figures a[data-claim]").forEach(function (a) {
      a.addEventListener("click", function () { activate(a.getAttribute("data-claim")); });
    });
    filters.forEach(function (f) { f.addEventListener("change", applyFilters); });
    speakerButtons.forEach(function (b) {
      b.addEventListener("click", function () {
        var select = doc.querySelector('[data-filter="speaker"]');
        if (!select) return;
        var key = b.getAttribute("data-speaker");
        select.value = select.value === key ? "" : key;
        applyFilters();
      });
    });
    doc.querySelectorAll(".ca-claims th button[data-sort]").forEach(function (b) {
      b.addEventListener("click", function () { sortBy(b); });
    });
  }

  function init(root) {
    (root || document).querySelectorAll("[data-ca-doc]").forEach(initDoc);
  }
  window.claimattrInit = init;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { init(document); });
  else init(document);
})();
