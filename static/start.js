"use strict";
// Starts the page's Java (compiled by TeaVM into app.js). A file of its own, because the page's CSP allows
// no inline script.
main([]);
