// Opens graphql-transport-ws connections whose connection_init carries a token the service refuses, and waits for
// each to be closed. Prints the close codes as JSON. Node 20: run with --experimental-websocket.
// Usage: node --experimental-websocket refused-websockets.mjs PORT COUNT
const [port, count] = process.argv.slice(2);
const codes = [];
for (let i = 0; i < Number(count); i++) {
  codes.push(await new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    const timer = setTimeout(() => { socket.close(); resolve('open after 10 s'); }, 10_000);
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: 'Bearer not-a-token' } }));
    socket.onclose = (event) => { clearTimeout(timer); resolve(event.code); };
    socket.onerror = () => {};
  }));
}
console.log(JSON.stringify({ codes }));
