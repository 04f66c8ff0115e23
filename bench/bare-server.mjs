// The floor of the mock benchmark: a bare node:http server that reads the request body and answers every POST
// with the same success JSON (given in BODY), with no routing, validation or logging. PORT picks the port.
import { createServer } from 'node:http';

const body = process.env.BODY ?? '{}';
const port = Number(process.env.PORT ?? 0);

const server = createServer((req, res) => {
  req.on('error', () => {});
  req.resume();
  req.on('end', () => {
    if (req.method !== 'POST') return void res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    res
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
      .end(body);
  });
});
server.listen(port, '127.0.0.1', () => console.log(`Base URL  http://127.0.0.1:${server.address().port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
