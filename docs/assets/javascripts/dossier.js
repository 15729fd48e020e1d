// The "Copy link" and "Copy citation" buttons the generator puts beside each entry's permanent
// link and citation (shown once scripts run: the .no-js rule in dossier.css). Without
// JavaScript the link itself is still there to follow or copy by hand.
(function () {
  "use strict";

  // What the buttons say once they have copied, in the language of the page's edition.
  var WORDS = {
    en: {
      linkCopied: "Link copied", citationCopied: "Citation copied", notCopied: "Could not copy: select the text instead", locale: "en-GB",
      noResult: "No matching entry", oneResult: "1 matching entry", results: "{count} matching entries",
      corrected: "{count} for “{words}”", listed: "{count}; the best {listed} are listed",
    },
    fr: {
      linkCopied: "Lien copié", citationCopied: "Citation copiée", notCopied: "Copie impossible : sélectionnez le texte", locale: "fr-FR",
      noResult: "Aucune entrée ne correspond", oneResult: "1 entrée correspond", results: "{count} entrées correspondent",
      corrected: "{count} pour « {words} »", listed: "{count} ; les {listed} meilleures sont listées",
    },
  };
  var words = WORDS[document.documentElement.lang] || WORDS.en;

  function confirm(button, text) {
    var status = button.nextElementSibling;
    status.textContent = text;
    window.setTimeout(function () { status.textContent = ""; }, 4000);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http (a local server): the old way, through a hidden text field.
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var done = document.execCommand("copy");
      document.body.removeChild(field);
      done ? resolve() : reject(new Error("copy refused"));
    });
  }

  function wire(button, text, done) {
    if (!button || button.dataset.ready) return;
    button.dataset.ready = "yes";
    button.addEventListener("click", function () {
      copy(text()).then(
        function () { confirm(button, done); },
        function () { confirm(button, words.notCopied); }
      );
    });
  }

  function enhance(root) {
    root.querySelectorAll("a[data-copy]").forEach(function (link) {
      // the build's address, or where it knew none, the one overrides/partials/fill-in.js completed
      wire(link.parentNode.querySelector(".dossier-copy"), function () { return link.dataset.copy; }, words.linkCopied);
    });
    root.querySelectorAll(".dossier-cite-text").forEach(function (citation) {
      wire(citation.parentNode.querySelector(".dossier-copy"), function () { return citation.textContent; }, words.citationCopied);
    });
    // The language switch leads to the same entry when the address names one.
    root.querySelectorAll(".dossier-edition__link").forEach(function (link) {
      link.addEventListener("click", function () {
        // the same view too: filters (?category=…) and a shared search name ids, not words
        if (window.location.search) link.search = window.location.search;
        if (window.location.hash) link.hash = window.location.hash;
      });
    });
  }

  // Search without accents and without plural endings: "teheran" finds "Téhéran" and
  // "negociations" finds "négociation". The pages carry the unaccented forms of their
  // words (see dossier/pages.py, search_terms); here the reader's query is folded the same
  // way before Material's search worker sees it (a query is its message of type 2).
  function foldQuery(query) {
    return query.normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/\s+/).map(function (term) {
      return /^[A-Za-z]{4,}s$/.test(term) ? term.slice(0, -1) + "*" : term;
    }).join(" ");
  }
  var postMessage = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      arguments[0] = Object.assign({}, message, { data: foldQuery(message.data) });
      if (!this.dossierCounts) {  // the search worker: its answers say how many entries match
        this.dossierCounts = true;
        this.addEventListener("message", function (event) {
          var answer = event.data;
          if (answer && answer.type === 3 && typeof answer.data.total === "number") showCount(answer.data.total, answer.data.corrected, answer.data.listed);
        });
      }
    }
    return postMessage.apply(this, arguments);
  };

  // Material counts the results it was given, which grow as the worker loads them: the count
  // shown is every matching entry, from the first answer on, in the page's language, names
  // the words searched when the worker corrected a misspelt name, and says so when the list
  // holds only the best of them.
  var count = null;
  function showCount(total, corrected, listed) {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    count = total === 0 ? words.noResult : total === 1 ? words.oneResult : words.results.replace("{count}", total.toLocaleString(words.locale));
    if (corrected) count = words.corrected.replace("{count}", count).replace("{words}", corrected);
    if (listed < total) count = words.listed.replace("{count}", count).replace("{listed}", listed.toLocaleString(words.locale));
    if (meta.textContent !== count) meta.textContent = count;
    if (!meta.dossierWatched) {
      meta.dossierWatched = true;
      new MutationObserver(function () {
        if (count !== null && meta.textContent !== count && meta.textContent.trim() !== "") meta.textContent = count;
      }).observe(meta, { childList: true, characterData: true, subtree: true });
    }
  }
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches(".md-search__input")) return;
    if (!box.value) count = null;
    // Material searches on a key's release: text pasted or dropped with the mouse has none
    if (event.inputType && !/^insertText|^deleteContent/.test(event.inputType)) {
      box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  });

  // A link made while a collection was one page (timeline/#id) still arrives once its
  // entries have moved to pages per year: the entry's permanent link knows where it is.
  var moved = document.querySelector("[data-moved-entries]");
  var wanted = window.location.hash.slice(1);  // a record id (lower-case words and hyphens) needs no decoding
  if (moved && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(wanted) && !document.getElementById(wanted)) {
    window.location.replace(moved.getAttribute("data-moved-entries") + wanted + "/");
  }

  // Printed pages write out where each link leads, as an absolute address; a link within the
  // page (a citation marker and its way back: [1] and the numbered quote) reads on paper as it is.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      if (!link.classList.contains("headerlink") && link.getAttribute("href").charAt(0) !== "#") link.setAttribute("data-print-href", link.href);
    });
  });

  // Material replaces the page content on instant navigation; document$ announces each page.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { enhance(document); });
  } else {
    enhance(document);
  }
})();
