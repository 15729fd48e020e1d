// The 404 page: names the address asked for, puts its last words in the search box, and for an
// entry's permanent address (/r/<id>/) lists the entries whose ids are closest to the one asked
// (search/ids.json, written by the generator). Text from the address is only ever text here.
(function () {
  "use strict";

  var path = decodeURIComponent(window.location.pathname);
  document.querySelector(".dossier-asked__path").textContent = path;
  var last = path.split("/").filter(Boolean).pop() || "";
  var box = document.querySelector(".dossier-not-found-search input");
  box.value = last.replace(/\.html$/, "").replace(/[-_]+/g, " ");

  var asked = /\/r\/([^/]+)\/?$/.exec(path);
  var closest = document.querySelector(".dossier-closest");
  if (!asked) return;
  var wanted = asked[1].toLowerCase();

  function distance(a, b) {  // Levenshtein, one row at a time
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      row[0] = i;
      for (j = 1; j <= b.length; j++) {
        var above = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  }

  // A word of the id asked for that an id has, or has a letter or so off ("pezeshkan").
  function near(asked, word) {
    if (asked === word) return true;
    var slack = Math.floor(asked.length / 4);
    return slack > 0 && Math.abs(asked.length - word.length) <= slack && distance(asked, word) <= slack;
  }

  // Closest first: the most words of the id asked for in common, then the fewest edits.
  function ranked(ids) {
    var parts = wanted.split("-");
    return ids.map(function (id) {
      var words = id.split("-");
      var shared = parts.filter(function (part) { return words.some(function (word) { return near(part, word); }); }).length;
      return { id: id, shared: shared, edits: distance(wanted, id) };
    }).filter(function (c) {
      return c.shared > 0 || c.edits <= Math.max(3, wanted.length / 3);
    }).sort(function (a, b) {
      return b.shared - a.shared || a.edits - b.edits || (a.id < b.id ? -1 : 1);
    }).slice(0, 5);
  }

  fetch(closest.getAttribute("data-ids")).then(function (response) {
    return response.ok ? response.json() : [];
  }).then(function (ids) {
    var list = closest.querySelector("ul");
    ranked(ids).forEach(function (candidate) {
      var link = document.createElement("a");
      link.href = path.slice(0, asked.index) + "/r/" + candidate.id + "/";  // in the edition asked
      link.textContent = candidate.id;
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    closest.hidden = !list.children.length;
  }, function () {});
})();
