// The site's search worker, in place of Material's (see overrides/main.html, block config).
// It speaks Material's worker protocol, so Material's search box, result list, ?q= links
// and highlighting stay as they are:
//   {type: 0 SETUP}  -> {type: 1 READY}
//   {type: 2 QUERY, data: "words"} -> {type: 3 RESULT, data: {items: SearchItem[][]}}
// but answers from the Pagefind index built after `mkdocs build` (scripts/search_index.py),
// loading only the parts of the index a query needs, instead of building a lunr index of
// every section in the browser. One Pagefind record is one section of Material's index
// (a page, or a heading of it: an entry), with its location and its page's title as meta.
// A classic worker (Material starts it with `new Worker(url)`): pagefind.js, an ES module,
// comes in through import().
"use strict";

var PAGEFIND = new URL("../../pagefind/", self.location.href).href;
// Pagefind fetches each result's text separately, and tells a section's page only then:
// the first answer holds the best FIRST sections, enough to fill the reader's screen
// (each fetch delays it: 50 cost a common word's answer 0.4 s at 10,000 records), and a
// second one (the same items first) up to MORE, for Material to group and list.
var FIRST = 10;
var MORE = 200;
var SETTLE = 40; // ms a query waits for the next keystroke before it is searched

var pagefind = import(PAGEFIND + "pagefind.js").then(function (module) {
  var instance = module.createInstance({ basePath: PAGEFIND, baseUrl: "/" });
  return instance.init().then(function () { return instance; });
});
pagefind.catch(function (error) { console.warn("Search index could not be loaded:", error); });

var latest = 0; // the query being answered; an older one stops early

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// Folded, with everything but letters and digits as single spaces: "Su-35," -> "su 35 ".
function foldedWords(text) {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, " ");
}

// The query words as Pagefind reads them: lunr's operators (+word -word word* word~1
// word^2 field:word) dropped, since Material's search box accepted them and dossier.js
// writes "word*" for a plural.
function queryWords(query) {
  return query
    .replace(/(^|\s)[+-](?=\S)/g, "$1")
    .replace(/\b(title|text|tags):/g, "")
    .replace(/[*~^][0-9]*/g, " ")
    .split(/\s+/).filter(Boolean);
}

// Material marks which query words a result holds (a missing one is struck out under the
// result, and the found ones are highlighted on the page it opens: ?h=).
function termsOf(words, plain) {
  var haystack = " " + foldedWords(plain);
  var terms = {};
  words.forEach(function (word) {
    var needle = foldedWords(word).trim();
    terms[word] = needle.length > 0 && haystack.indexOf(" " + needle) >= 0;
  });
  return terms;
}

// A result's snippet: words of the section as the page shows them, from a little before the
// first query word found there (marked), or from the start when only hidden words matched.
// Each record's text ends with words the reader does not see (the entry's id, the aliases of
// the actors it names, unaccented forms), after HIDDEN_WORDS (scripts/search_index.py):
// Pagefind's own excerpt could show those.
var HIDDEN_WORDS = "\u2042";
var SNIPPET_WORDS = 24;

function key(text) {
  return foldedWords(text).replace(/ /g, "");
}

function shownText(content, title) {
  var cut = content.indexOf(HIDDEN_WORDS);
  var text = cut >= 0 ? content.slice(0, cut) : content;
  // the title shows above it; Pagefind joins it to the text with ". "
  return title && text.indexOf(title) === 0 ? text.slice(title.length).replace(/^\.?\s*/, "") : text;
}

function snippet(text, words) {
  var needles = words.map(key).filter(Boolean);
  var tokens = text.split(/\s+/).filter(Boolean);
  function found(token) {
    var k = key(token);
    return k.length > 0 && needles.some(function (needle) { return k.indexOf(needle) === 0; });
  }
  var start = Math.max(0, tokens.findIndex(found) - 6);
  var shown = tokens.slice(start, start + SNIPPET_WORDS).map(function (token) {
    if (!found(token)) return escapeHTML(token);
    var parts = token.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u); // the word marked, not its punctuation
    return escapeHTML(parts[1]) + "<mark data-md-highlight>" + escapeHTML(parts[2]) + "</mark>" + escapeHTML(parts[3]);
  });
  if (!shown.length) return "";
  return "<p>" + (start > 0 ? "… " : "") + shown.join(" ") + (start + SNIPPET_WORDS < tokens.length ? " …" : "") + "</p>";
}

function toItem(result, data, words) {
  var title = data.meta.title || "";
  var content = data.content || "";
  return {
    location: data.meta.loc,
    title: escapeHTML(title),
    text: snippet(shownText(content, title), words),
    score: result.score,
    terms: termsOf(words, title + " " + content),
    page: data.meta.page || ""
  };
}

// Material's grouping: one list per page, best page first, the page itself (location
// without "#") in each list, with score 0 when it did not match itself.
function group(items) {
  var groups = new Map();
  items.forEach(function (item) {
    var page = item.location.split("#")[0];
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push(item);
  });
  var result = [];
  groups.forEach(function (list, page) {
    var parent = list.find(function (item) { return item.location === page; });
    if (!parent) list.push({ location: page, title: escapeHTML(list[0].page), text: "", score: 0, terms: {} });
    result.push(list.map(function (item) {
      return { location: item.location, title: item.title, text: item.text, score: item.score, terms: item.terms };
    }));
  });
  return result;
}

function load(results, from, to, words) {
  return Promise.all(results.slice(from, to).map(function (result) {
    return result.data().then(function (data) { return toItem(result, data, words); });
  }));
}

// `total`, every matching entry or page, known from the first answer (dossier.js shows it in
// place of Material's count of the results loaded so far); `listed`, how many of them the
// list will hold once all are loaded (the best MORE); `corrected`, the words searched in
// place of the reader's when theirs found nothing.
function answer(items, total, corrected) {
  self.postMessage({ type: 3, data: { items: group(items), total: total, listed: Math.min(total, MORE), corrected: corrected || null } });
}

// A name one letter off ("Pezeshkan", "Pezeshkain"), corrected to a word of the actors' names
// and aliases (search/names.json, written by the generator) when the query as typed finds
// nothing: at most one letter missing, extra, wrong, or two swapped.
var names = null;
function nameWords() {
  if (!names) {
    names = fetch(new URL("../../search/names.json", self.location.href).href)
      .then(function (response) { return response.ok ? response.json() : []; })
      .catch(function () { return []; });
  }
  return names;
}

function oneEditApart(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  var i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

function correctedWords(words, known) {
  var changed = false;
  var corrected = words.map(function (word) {
    var folded = foldedWords(word).trim();
    if (folded.length < 4 || /\s/.test(folded)) return word;
    if (known.some(function (name) { return name.indexOf(folded) === 0; })) return word;
    var near = known.find(function (name) { return oneEditApart(folded, name); });
    if (!near) return word;
    changed = true;
    return near;
  });
  return changed ? corrected : null;
}

function findWithCorrection(instance, words) {
  return instance.search(words.join(" ")).then(function (found) {
    var results = (found && found.results) || [];
    if (results.length) return { results: results, words: words, corrected: null };
    return nameWords().then(function (known) {
      var corrected = correctedWords(words, known);
      if (!corrected) return { results: results, words: words, corrected: null };
      return instance.search(corrected.join(" ")).then(function (again) {
        return { results: (again && again.results) || [], words: corrected, corrected: corrected.join(" ") };
      });
    });
  });
}

function search(query, id) {
  var words = queryWords(query);
  if (!words.length) { answer([], 0); return Promise.resolve(); }
  return pagefind.then(function (instance) {
    return findWithCorrection(instance, words);
  }).then(function (found) {
    if (id !== latest) return;
    var results = found.results;
    return load(results, 0, FIRST, found.words).then(function (first) {
      if (id !== latest) return;
      answer(first, results.length, found.corrected);
      if (results.length <= FIRST) return;
      // not waited for: the next query need not wait for these
      load(results, FIRST, MORE, found.words).then(function (more) {
        if (id === latest) answer(first.concat(more), results.length, found.corrected);
      }, function () {});
    });
  }).catch(function (error) {
    console.warn("Search failed: " + query, error);
    if (id === latest) answer([], 0);
  });
}

// One search at a time, on the latest query only: the search box sends a query per
// keystroke, and a search for "P" costs Pagefind far more than one for "Pantsir".
var waiting = null;
var running = false;
var timer = null;

function next() {
  if (running || waiting === null) return;
  var query = waiting;
  waiting = null;
  running = true;
  search(query, latest).then(function () {
    running = false;
    next();
  });
}

self.addEventListener("message", function (event) {
  var message = event.data;
  switch (message && message.type) {
    case 0: // SETUP: ready once the index's entry point and its WebAssembly are in
      pagefind.then(
        function () { self.postMessage({ type: 1 }); },
        function () { self.postMessage({ type: 1 }); } // ready, with empty results, as Material does on a bad query
      );
      break;
    case 2: // QUERY
      waiting = String(message.data || "");
      latest++;
      clearTimeout(timer);
      timer = setTimeout(next, SETTLE);
      break;
  }
});
