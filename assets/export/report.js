// Sorts the entity table by a clicked column (again: the other way). The
// address can name a sort too: report.html#sort=name or #sort=mentions-asc.
(function () {
  "use strict";
  var table = document.getElementById("entity-table");
  if (!table) { return; }
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var body = table.tBodies[0];

  function value(row, column, numeric) {
    var v = row.cells[column].getAttribute("data-v") || "";
    return numeric ? Number(v) : v.toLocaleLowerCase();
  }

  function sortBy(column, direction) {
    var header = headers[column];
    var numeric = header.getAttribute("data-type") === "number";
    var sign = direction === "ascending" ? 1 : -1;
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      return { row: row, key: value(row, column, numeric), index: index };
    });
    rows.sort(function (a, b) {
      if (a.key < b.key) { return -sign; }
      if (a.key > b.key) { return sign; }
      return a.index - b.index;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r.row); });
    body.appendChild(fragment);
    headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", direction);
  }

  headers.forEach(function (header, column) {
    var button = header.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var numeric = header.getAttribute("data-type") === "number";
      var current = header.getAttribute("aria-sort");
      var next = current ? (current === "ascending" ? "descending" : "ascending")
                         : (numeric ? "descending" : "ascending");
      sortBy(column, next);
    });
  });

  var match = /(?:^#|&)sort=([a-z]+)(?:-(asc|desc))?/.exec(location.hash);
  if (match) {
    headers.forEach(function (header, column) {
      if (header.getAttribute("data-key") === match[1]) {
        var numeric = header.getAttribute("data-type") === "number";
        var direction = match[2] ? (match[2] === "asc" ? "ascending" : "descending")
                                 : (numeric ? "descending" : "ascending");
        sortBy(column, direction);
      }
    });
  }
  document.documentElement.setAttribute("data-js", "ready");
})();
