// PostGraphile v5 as bench/run starts it beside Ducha (issue 21): the amber preset as it comes, on the bench
// database, no auth and no per-request settings (its best case), GraphiQL and schema watching off.
// Relations, row fetchers, conditions and orders are what the amber preset infers from the tables, foreign keys and
// indexes: allFindings, findingByRowId (the Node interface takes "id"; the uuid column is "rowId"), allSites,
// allUnits, findingsBySiteId, findingsByUnitId, unitsByParentId, unitByUnitId, siteBySiteId. One addition: amber
// offers a condition only on indexed columns, and bench/run's leaf units are "kind OTHER" (unit.kind has no index;
// Ducha filters the 761 units by it all the same), so that one column gets the filter behaviour by a smart tag.
// bench/postgraphile/schema.sql adds Finding.overdue as a computed column.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { jsonPgSmartTags } from "postgraphile/utils";

const env = (name, fallback) => process.env[name] ?? fallback;

/** @type {GraphileConfig.Preset} */
export default {
    extends: [PostGraphileAmberPreset],
    plugins: [
        jsonPgSmartTags({
            version: 1,
            config: { class: { unit: { attribute: { kind: { tags: { behavior: "+attribute:filterBy" } } } } } },
        }),
    ],
    pgServices: [
        makePgService({
            connectionString: env("DATABASE_URL", "postgres://ducha:ducha@127.0.0.1:5432/ducha_bench_1k"),
            schemas: ["public"],
            // The same pool size as the service's (bench/run passes it).
            poolConfig: { max: Number(env("PGL_POOL", "20")) },
        }),
    ],
    grafserv: {
        host: "127.0.0.1",
        port: Number(env("PGL_PORT", "18302")),
        graphqlPath: "/graphql",
        graphiql: false,
        watch: false,
    },
    grafast: { explain: false },
};
