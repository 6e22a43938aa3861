// Subscribes with the graphql-ws client (graphql-transport-ws protocol) and prints each event as one JSON line.
// Usage: DUCHA_WS_URL=ws://127.0.0.1:8080/graphql DUCHA_TOKEN=<bearer> DUCHA_UNIT=<uuid> DUCHA_EVENTS=3 node subscribe.mjs
// Prints "READY" once subscribed; exits 0 after DUCHA_EVENTS events, 1 on an error or after 20 s.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const wanted = Number(process.env.DUCHA_EVENTS ?? '1');
const client = createClient({
  url: process.env.DUCHA_WS_URL,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${process.env.DUCHA_TOKEN}` },
  retryAttempts: 0,
});
const timer = setTimeout(() => { console.error('timed out'); process.exit(1); }, 20000);
let seen = 0;
client.on('connected', () => setTimeout(() => console.log('READY'), 300));
client.subscribe(
  {
    query: 'subscription($unit: ID) { findingChanged(filter: {unitId: $unit}) { seq op finding { id status } } }',
    variables: { unit: process.env.DUCHA_UNIT },
  },
  {
    next: (message) => {
      if (message.errors) {
        console.error(JSON.stringify(message.errors));
        process.exit(1);
      }
      console.log(JSON.stringify(message.data.findingChanged));
      if (++seen >= wanted) {
        clearTimeout(timer);
        client.dispose();
        process.exit(0);
      }
    },
    error: (error) => { console.error(String(error?.message ?? error)); process.exit(1); },
    complete: () => {},
  },
);
