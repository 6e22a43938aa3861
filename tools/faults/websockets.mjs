// graphql-transport-ws clients for the quiet-stop and subscriber-stop scenarios. Node 20: run with
// --experimental-websocket.
//   node --experimental-websocket websockets.mjs PORT refused COUNT
//     COUNT connections whose connection_init carries a token the service refuses; prints {"codes": [...]}, the
//     close code of each (4403 expected).
//   node --experimental-websocket websockets.mjs PORT leaving TOKEN
//     one subscriber that is accepted, subscribes, and leaves (close 1000); prints {"ack": true, "code": ...}.
//   node --experimental-websocket websockets.mjs PORT staying TOKEN
//     one subscriber that stays until the service closes it; prints {"subscribed": true} once subscribed, then
//     {"code": ..., "reason": "...", "closedAt": epoch ms} when closed.
//   node websockets.mjs PORT silent TOKEN
//     the same subscriber over a bare TCP socket that never answers the service's close frame, as a client that
//     vanished would not; prints {"subscribed": true}, then {"code": <the close frame's>, "closedAt": epoch ms}
//     when the service drops the connection.
import net from 'node:net';
import crypto from 'node:crypto';

const [port, mode, arg] = process.argv.slice(2);
const url = `ws://127.0.0.1:${port}/graphql`;
const subscription = 'subscription { findingChanged { seq } }';

function open(authorization, onMessage) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const timer = setTimeout(() => { socket.close(); resolve({ code: 'open after 10 s' }); }, 10_000);
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: authorization } }));
    socket.onmessage = (event) => onMessage(socket, JSON.parse(event.data), timer);
    socket.onclose = (event) => { clearTimeout(timer); resolve({ code: event.code, reason: event.reason, closedAt: Date.now() }); };
    socket.onerror = () => {};
  });
}

if (mode === 'refused') {
  const codes = [];
  for (let i = 0; i < Number(arg); i++) {
    codes.push((await open('Bearer not-a-token', () => {})).code);
  }
  console.log(JSON.stringify({ codes }));
} else if (mode === 'leaving' || mode === 'staying') {
  let ack = false;
  const closed = await open(`Bearer ${arg}`, (socket, message, timer) => {
    if (message.type === 'connection_ack') {
      ack = true;
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: subscription } }));
      // No answer comes to a subscription until a change: give the service a moment to register it.
      setTimeout(() => {
        if (mode === 'leaving') {
          socket.close(1000, 'done');
        } else {
          clearTimeout(timer);
          console.log(JSON.stringify({ subscribed: true }));
        }
      }, 300);
    } else if (message.type === 'error') {
      console.error(JSON.stringify(message));
      socket.close(1000, 'refused');
    }
  });
  console.log(JSON.stringify(mode === 'leaving' ? { ack, code: closed.code } : closed));
} else if (mode === 'silent') {
  // A client's frames are masked (RFC 6455 5.3); texts here are shorter than 64 KiB.
  const frame = (text) => {
    const payload = Buffer.from(text);
    const mask = crypto.randomBytes(4);
    const header = payload.length < 126 ? Buffer.from([0x81, 0x80 | payload.length])
      : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
    return Buffer.concat([header, mask, payload.map((byte, i) => byte ^ mask[i % 4])]);
  };
  const socket = net.connect(Number(port), '127.0.0.1');
  let received = Buffer.alloc(0);
  let upgraded = false;
  let code = null;
  socket.on('connect', () => socket.write(`GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n`
    + `Connection: Upgrade\r\nSec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\n`
    + 'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n'));
  socket.on('data', (chunk) => {
    received = Buffer.concat([received, chunk]);
    if (!upgraded) {
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      if (!received.subarray(0, end).toString().startsWith('HTTP/1.1 101')) {
        console.error(received.toString());
        process.exit(1);
      }
      upgraded = true;
      received = received.subarray(end + 4);
      socket.write(frame(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${arg}` } })));
      setTimeout(() => {
        socket.write(frame(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: subscription } })));
        setTimeout(() => console.log(JSON.stringify({ subscribed: true })), 300);
      }, 300);
    }
    // Server frames are unmasked; a close frame (opcode 8) starts with its two-byte code. Nothing is answered.
    for (let at = 0; at + 2 <= received.length;) {
      const length = received[at + 1] & 0x7f;
      if (length >= 126 || at + 2 + length > received.length) break;
      if ((received[at] & 0x0f) === 8 && length >= 2) code = received.readUInt16BE(at + 2);
      at += 2 + length;
      received = received.subarray(at);
      at = 0;
    }
  });
  socket.on('close', () => console.log(JSON.stringify({ code, closedAt: Date.now() })));
  socket.on('error', () => {});
} else {
  console.error('usage: websockets.mjs PORT refused COUNT | leaving TOKEN | staying TOKEN | silent TOKEN');
  process.exit(2);
}
