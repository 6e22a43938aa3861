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
} else {
  console.error('usage: websockets.mjs PORT refused COUNT | leaving TOKEN | staying TOKEN');
  process.exit(2);
}
