// Answer over HTTPS and HTTP/2, as GitHub Pages does, with what an HTTP/1.1 server on this machine answers.
// Usage: node scripts/https_proxy.mjs http://127.0.0.1:8000 key.pem cert.pem (prints the port it listens on).
import http from "node:http";
import http2 from "node:http2";
import { readFileSync } from "node:fs";

const [upstream, key, cert] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true });
// Headers about one HTTP/1.1 connection have no meaning in HTTP/2, which refuses them.
const perConnection = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"]);

const server = http2.createSecureServer({ key: readFileSync(key), cert: readFileSync(cert), allowHTTP1: true }, (request, response) => {
  const headers = { "accept-encoding": request.headers["accept-encoding"] ?? "" };
  const forwarded = http.request(new URL(request.url, upstream), { method: request.method, headers, agent }, (answer) => {
    const kept = Object.entries(answer.headers).filter(([name]) => !perConnection.has(name));
    response.writeHead(answer.statusCode, Object.fromEntries(kept));
    answer.pipe(response);
  });
  forwarded.on("error", () => {
    response.writeHead(502);
    response.end();
  });
  forwarded.end();
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
