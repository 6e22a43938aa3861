// GraphQL-over-HTTP conformance: runs graphql-http's server audits against a running Ducha.
// Usage: DUCHA_GRAPHQL_URL=http://127.0.0.1:8080/graphql DUCHA_TOKEN=<bearer> node audit.mjs
// Exits 1 when any MUST audit fails; SHOULD/MAY results are printed for information.
import { auditServer } from 'graphql-http';

const url = process.env.DUCHA_GRAPHQL_URL;
const token = process.env.DUCHA_TOKEN;
if (!url || !token) {
  console.error('set DUCHA_GRAPHQL_URL and DUCHA_TOKEN');
  process.exit(2);
}

const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

const results = await auditServer({ url, fetchFn });
let failedMust = 0;
const counts = { ok: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status]++;
  const must = result.name.startsWith('MUST');
  if (result.status !== 'ok') {
    console.log(`${result.status.toUpperCase()} ${result.id} ${result.name}: ${result.reason}`);
  }
  if (must && result.status === 'error') {
    failedMust++;
  }
}
console.log(`graphql-http audit: ${results.length} audits, ${counts.ok} ok, ${counts.warn} warnings, ` +
  `${counts.error} errors, ${failedMust} MUST failures`);
process.exit(failedMust === 0 ? 0 : 1);
