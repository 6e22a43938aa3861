// Clients that go away mid-request, for scripts/faults: a third send half a POST body and hang up, a third send a
// GET and hang up before the answer, a third read the first bytes of an answer and hang up. Node built-ins only.
//   node disconnects.mjs <port> <token> <count>
import { connect } from 'node:net';

const [port, token, count] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4] ?? 300)];
const body = JSON.stringify({ unitId: '00000000-0000-0000-0000-000000000000', description: 'x'.repeat(2000) });

function client(kind) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = () => { socket.destroy(); resolve(kind); };
    socket.setTimeout(5000, done);
    socket.on('error', done);
    socket.on('connect', () => {
      if (kind === 0) {
        socket.write(`POST /api/v1/findings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n`
          + `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, body.length / 2)}`);
        setTimeout(done, 50);
      } else {
        socket.write(`GET /api/v1/findings?limit=200 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n\r\n`);
        if (kind === 1) setImmediate(done); else socket.once('data', done);
      }
    });
  });
}

const kinds = await Promise.all(Array.from({ length: count }, (_, i) => client(i % 3)));
console.log(JSON.stringify({ disconnected: kinds.length }));
