// Narrow the timeline or the transfers by category, status, actor and year: the entries, the
// chart marks, the table rows and the table of contents. The form is on the page from the
// build (the generator lists each facet's choices, in the page's language), shown once scripts
// run (see the .no-js rule in dossier.css), so nothing moves when it comes. The choice lives in
// the address (?category=military&actor=iran), so a filtered view can be sent as a link; an
// entry the address names (#id) shows whatever the choice, marked as outside it. Without
// JavaScript there is no form and every entry shows.
(function () {
  "use strict";

  var FACETS = [
    { name: "category" },
    { name: "status" },
    { name: "actor", attribute: "actors", many: true },
    { name: "year" },
  ];

  function values(entry, facet) {
    var raw = entry.getAttribute("data-" + (facet.attribute || facet.name)) || "";
    return facet.many ? raw.split(" ").filter(Boolean) : [raw];
  }

  // Everything else on the page that stands for an entry: its chart marks (one per chart
  // drawn), its table row, its line in the table of contents.
  function standIns(id) {
    var href = '[href="#' + id + '"]';
    var found = [];
    document.querySelectorAll(".dossier-chart-box a" + href + ", .md-nav__link" + href).forEach(function (link) {
      found.push(link.closest("li") || link);
    });
    document.querySelectorAll(".md-content tr a" + href).forEach(function (link) { found.push(link.closest("tr")); });
    return found;
  }

  function show(element, shown) {
    element.classList.toggle("dossier-filtered-out", !shown);
  }

  function markOutside(entry, outside, words) {
    var note = entry.querySelector(".dossier-outside-note");
    entry.classList.toggle("dossier-outside-filter", outside);
    if (outside && !note) {
      note = document.createElement("p");
      note.className = "dossier-outside-note";
      note.textContent = words;
      entry.insertBefore(note, entry.firstElementChild.nextSibling);
    } else if (!outside && note) {
      note.remove();
    }
  }

  function apply(form, entries) {
    var chosen = {};
    FACETS.forEach(function (facet) { chosen[facet.name] = form.elements[facet.name].value; });
    var named = decodeURIComponent(window.location.hash.slice(1));
    var shown = 0;
    entries.forEach(function (entry) {
      var id = entry.querySelector("h2[id], h3[id]").id;
      var match = FACETS.every(function (facet) {
        return !chosen[facet.name] || values(entry, facet).indexOf(chosen[facet.name]) >= 0;
      });
      var outside = !match && id === named;
      entry.hidden = !match && !outside;
      markOutside(entry, outside, form.getAttribute("data-outside"));
      if (match) shown += 1;
      standIns(id).forEach(function (element) { show(element, match || outside); });
    });
    // A section heading (a year, a direction) with nothing left under it goes too, with its
    // line in the table of contents.
    document.querySelectorAll(".md-content h2[id]").forEach(function (heading) {
      var next = heading.nextElementSibling, under = 0, any = false;
      while (next && next.tagName !== "H2") {
        if (next.classList.contains("dossier-entry")) {
          under += 1;
          if (!next.hidden) any = true;
        }
        next = next.nextElementSibling;
      }
      if (!under) return;  // not a section of entries (the list of pages per year)
      heading.hidden = !any;
      standIns(heading.id).forEach(function (element) { show(element, any); });
    });
    form.querySelector("output").textContent = form.getAttribute("data-count").replace("{shown}", shown).replace("{all}", entries.length);
    var params = new URLSearchParams(window.location.search);
    FACETS.forEach(function (facet) {
      if (chosen[facet.name]) params.set(facet.name, chosen[facet.name]); else params.delete(facet.name);
    });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  // The choice a reader most likely meant by a value that names none: one whose id or name
  // holds it as a word ("putin": Vladimir Putin), or that begins with it.
  function closest(select, wanted) {
    var needle = fold(wanted).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    if (!needle) return null;
    var options = Array.prototype.slice.call(select.options, 1);
    function words(option) { return fold(option.value + " " + option.text).split(/[^\p{L}\p{N}]+/u); }
    return options.find(function (option) { return words(option).indexOf(needle) >= 0; }) ||
      options.find(function (option) { return (" " + words(option).join(" ")).indexOf(" " + needle) >= 0; }) ||
      null;
  }

  // "No actor “putin” here; did you mean Vladimir Putin?", the name a link to that choice.
  function explain(form, unknown) {
    var note = form.querySelector(".dossier-filters-note");
    note.textContent = "";
    unknown.forEach(function (item, index) {
      if (index) note.appendChild(document.createTextNode(" "));
      note.appendChild(document.createTextNode(item.select.getAttribute("data-unknown").replace("{value}", item.wanted)));
      var option = closest(item.select, item.wanted);
      if (!option) { note.appendChild(document.createTextNode(".")); return; }
      var parts = form.getAttribute("data-suggest").split("{name}");
      var link = document.createElement("a");
      var params = new URLSearchParams(window.location.search);
      params.set(item.select.name, option.value);
      link.href = "?" + params.toString() + window.location.hash;
      link.textContent = option.text;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        item.select.value = option.value;
        note.hidden = true;
        apply(form, form.dossierEntries);
      });
      note.appendChild(document.createTextNode(parts[0]));
      note.appendChild(link);
      note.appendChild(document.createTextNode(parts[1]));
    });
    note.hidden = !unknown.length;
  }

  function setUp() {
    var form = document.querySelector(".md-content .dossier-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "yes";
    var entries = Array.prototype.slice.call(document.querySelectorAll(".md-content .dossier-entry[data-category]"));
    form.dossierEntries = entries;
    var params = new URLSearchParams(window.location.search);
    var asked = false;
    var unknown = [];
    FACETS.forEach(function (facet) {
      var wanted = params.get(facet.name);
      if (wanted === null || wanted === "") return;
      asked = true;
      var select = form.elements[facet.name];
      if (select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        select.value = wanted;
      } else {
        unknown.push({ select: select, wanted: wanted });
      }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () { apply(form, entries); });
    form.addEventListener("reset", function () {
      form.querySelector(".dossier-filters-note").hidden = true;
      window.setTimeout(function () { apply(form, entries); });  // once the form has its choices reset
    });
    window.addEventListener("hashchange", function () { apply(form, entries); });
    // The page as built shows every entry; an address that asks for a choice is applied, and
    // what names nothing on this page is said, and dropped from the address.
    if (asked) apply(form, entries);
    explain(form, unknown);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else {
    setUp();
  }
})();
