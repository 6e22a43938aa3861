// A minimal OpenID provider for the fault tests: discovery document, JWKS and RS256 access tokens shaped like
// Keycloak's (realm_access.roles, unit, aud). It can be killed and started again with the same key, which is the
// point: the service must survive its provider going away and coming back. Node built-ins only.
//   node oidc-provider.mjs <port> <key-file>     (the key file is created on first start)
//   GET /realms/faults/token?sub=…&roles=admin,inspector&unit=CODE  → {"access_token": "…"}
import { createServer } from 'node:http';
import { generateKeyPairSync, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [port, keyFile] = [Number(process.argv[2] ?? 8190), process.argv[3] ?? '/tmp/ducha-faults-oidc.pem'];
if (!existsSync(keyFile)) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
}
const privateKey = createPrivateKey(readFileSync(keyFile));
const jwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid: 'faults-1', alg: 'RS256', use: 'sig' };
const issuer = `http://127.0.0.1:${port}/realms/faults`;
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

function token({ sub, roles, unit }) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: issuer, aud: 'ducha-api', sub, preferred_username: sub, iat: now, exp: now + 3600,
    realm_access: { roles }, ...(unit ? { unit } : {}) };
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: jwk.kid })}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

const routes = {
  '/realms/faults/.well-known/openid-configuration': () => ({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs`,
    token_endpoint: `${issuer}/token`, id_token_signing_alg_values_supported: ['RS256'] }),
  '/realms/faults/protocol/openid-connect/certs': () => ({ keys: [jwk] }),
  '/realms/faults/token': (query) => ({ access_token: token({ sub: query.get('sub') ?? 'faults-user',
    roles: (query.get('roles') ?? 'inspector').split(','), unit: query.get('unit') }) }),
};

createServer((request, response) => {
  const url = new URL(request.url, issuer);
  const route = routes[url.pathname];
  response.writeHead(route ? 200 : 404, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(route ? route(url.searchParams) : { error: 'not found' }));
}).listen(port, '127.0.0.1', () => console.log(`oidc-provider: ${issuer}`));
