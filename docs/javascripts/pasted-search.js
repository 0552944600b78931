// A pasted error line is words, not a query. Material's search (lunr) reads
// `-x` as "without x", `+x` and "quoted" as "must contain", `word:` as a
// field name, `~` and `^` as fuzziness and boosts: a line copied from a
// terminal ("[4 -1]", "Tensor(\"x:0\")", "ValueError:") would then match
// nothing. Material 9 has no setting for its query transform, so the query
// is made plain words just before it reaches the search worker. Typed words
// search as before.
(function () {
  var QUERY = 2; // Material's SearchMessageType.QUERY
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var words = message.data
        .replace(/["'`:~^*]/g, " ")
        .replace(/(^|\s)[+\-]+/g, "$1")
        .replace(/\s+/g, " ")
        .trim();
      arguments[0] = { type: message.type, data: words };
    }
    return post.apply(this, arguments);
  };
})();
