// Dredd hooks for the bench (CommonJS, as Dredd loads hooks with require).
// BENCH_HEADERS: JSON object of the headers a valid request needs (token, channel key), taken from the document
// by the bench. BENCH_DREDD_MODE:
//   "as-is"    only adds those headers;
//   "adjusted" (default) also skips the non-2xx transactions, since Dredd sends the same valid request for every
//              documented status and cannot build the failing requests from the document, and compares the
//              response content type without its parameters (Dredd rejects "application/json; charset=utf-8"
//              against the documented "application/json").
const hooks = require('hooks');

const headers = JSON.parse(process.env.BENCH_HEADERS || '{}');
const adjusted = (process.env.BENCH_DREDD_MODE || 'adjusted') !== 'as-is';

hooks.beforeEach((transaction, done) => {
  Object.assign(transaction.request.headers, headers);
  if (adjusted && !/^2\d\d$/.test(String(transaction.expected.statusCode))) transaction.skip = true;
  done();
});

hooks.beforeEachValidation((transaction, done) => {
  if (adjusted) {
    for (const name of Object.keys(transaction.real.headers || {})) {
      if (name.toLowerCase() === 'content-type') {
        transaction.real.headers[name] = String(transaction.real.headers[name]).split(';')[0].trim();
      }
    }
  }
  done();
});
