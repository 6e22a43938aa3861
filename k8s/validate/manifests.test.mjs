// node --test: every overlay renders, validates against the Kubernetes schemas and keeps Ducha's rules; and
// every rule fails for real when a manifest breaks it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OVERLAYS, render, schemaErrors } from './render.mjs';
import { bytes, check, seconds } from './rules.mjs';

for (const overlay of OVERLAYS) {
  describe(`overlay ${overlay}`, () => {
    const objects = render(overlay);

    test('renders the whole application', () => {
      const kinds = new Set(objects.map((o) => o.kind));
      for (const kind of ['Namespace', 'ServiceAccount', 'ConfigMap', 'Service', 'Deployment',
        'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy']) {
        assert.ok(kinds.has(kind), `no ${kind}`);
      }
    });

    test('every object validates against the Kubernetes schemas', async () => {
      const errors = (await Promise.all(objects.map(schemaErrors))).flat();
      assert.deepEqual(errors, []);
    });

    test('keeps the deployment rules', () => {
      assert.deepEqual(check(objects, overlay), []);
    });
  });
}

test('dev ships the Keycloak realm for import; prod does not ship its demo users', () => {
  const realm = (objects) => objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('ducha-keycloak-realm'));
  const shipped = realm(render('dev'));
  assert.ok(shipped, 'dev has no realm ConfigMap');
  const parsed = JSON.parse(shipped.data['ducha-realm.json']);
  assert.equal(parsed.realm, 'ducha');
  assert.equal(realm(render('prod')), undefined);
});

/** Breaks one thing in a fresh prod render and returns the problems the rules find. */
function broken(change, overlay = 'prod') {
  const objects = render(overlay);
  const find = (kind, name = 'ducha') => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const app = find('Deployment');
  change({ objects, find, app, pod: app.spec.template.spec, container: app.spec.template.spec.containers[0] });
  return check(objects, overlay);
}

function assertCaught(problems, pattern) {
  assert.ok(problems.some((p) => pattern.test(p)), `expected a problem matching ${pattern}, got ${JSON.stringify(problems)}`);
}

describe('each rule fails for real', () => {
  const cases = [
    ['a missing readiness probe', ({ container }) => delete container.readinessProbe, /no readinessProbe/],
    ['a missing startup probe', ({ container }) => delete container.startupProbe, /no startupProbe/],
    ['a misspelt liveness probe', ({ container }) => {
      container.livenessProb = container.livenessProbe;
      delete container.livenessProbe;
    }, /no livenessProbe/],
    ['a probe on the wrong path', ({ container }) => { container.livenessProbe.httpGet.path = '/q/health/ready'; },
      /livenessProbe is not GET \/q\/health\/live/],
    ['the latest tag', ({ container }) => { container.image = 'registry.example.com/ducha/ducha:latest'; }, /latest tag/],
    ['an untagged image', ({ container }) => { container.image = 'registry.example.com:5000/ducha/ducha'; }, /has no tag/],
    ['no CPU limit', ({ container }) => delete container.resources.limits.cpu, /no cpu in resources.limits/],
    ['no memory request', ({ container }) => delete container.resources.requests.memory, /no memory in resources.requests/],
    ['memory request below the limit', ({ container }) => { container.resources.requests.memory = '128Mi'; },
      /memory request 128Mi differs/],
    ['a heap that fills the limit', ({ container }) => { container.args = ['-Xmx224m']; }, /leaves less than 96Mi/],
    ['no heap bound', ({ container }) => { container.args = []; }, /no -Xmx/],
    ['privilege escalation', ({ container }) => { container.securityContext.allowPrivilegeEscalation = true; },
      /allowPrivilegeEscalation/],
    ['a writable root', ({ container }) => { container.securityContext.readOnlyRootFilesystem = false; },
      /root filesystem is not read-only/],
    ['capabilities kept', ({ container }) => { container.securityContext.capabilities.drop = ['NET_RAW']; },
      /do not drop ALL/],
    ['root allowed', ({ pod, container }) => {
      delete pod.securityContext.runAsNonRoot;
      delete container.securityContext.runAsNonRoot;
    }, /runAsNonRoot/],
    ['no seccomp profile', ({ pod, container }) => {
      delete pod.securityContext.seccompProfile;
      delete container.securityContext.seccompProfile;
    }, /seccomp/],
    ['a mounted service account token', ({ pod, find }) => {
      pod.automountServiceAccountToken = true;
      find('ServiceAccount').automountServiceAccountToken = true;
    }, /service account token is mounted/],
    ['/tmp not mounted', ({ container }) => { container.volumeMounts = []; }, /\/tmp is not an emptyDir/],
    ['a grace period shorter than delay + timeout', ({ pod }) => { pod.terminationGracePeriodSeconds = 30; },
      /does not cover SHUTDOWN_DELAY \+ SHUTDOWN_TIMEOUT \(40s\)/],
    ['a committed Secret', ({ objects }) => objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'ducha-db' },
      stringData: { DB_PASSWORD: 'ducha' } }), /Secret\/ducha-db is rendered/],
    ['a password in the environment', ({ container }) => { container.env = [{ name: 'DB_PASSWORD', value: 'ducha' }]; },
      /DB_PASSWORD has a literal value/],
    ['a password in the ConfigMap', ({ objects }) => {
      objects.find((o) => o.kind === 'ConfigMap').data.DB_PASSWORD = 'ducha';
    }, /holds DB_PASSWORD/],
    ['credentials without the Secret', ({ container }) => {
      container.envFrom = container.envFrom.filter((r) => r.secretRef?.name !== 'ducha-db');
    }, /Secret ducha-db/],
    ['ingress to another port', ({ find }) => { find('NetworkPolicy').spec.ingress.push({ ports: [{ port: 5005 }] }); },
      /ingress to port 5005/],
    ['the management port open to all', ({ find }) => {
      find('NetworkPolicy').spec.ingress[1].from = [];
    }, /management port is open beyond the monitoring namespace/],
    ['no DNS egress', ({ find }) => { find('NetworkPolicy').spec.egress.pop(); }, /no egress to 53\/UDP/],
    ['egress everywhere', ({ find }) => { find('NetworkPolicy').spec.egress.push({}); }, /egress rule opens every port/],
    ['no NetworkPolicy', ({ objects }) => objects.splice(objects.findIndex((o) => o.kind === 'NetworkPolicy'), 1),
      /no NetworkPolicy/],
    ['no PodDisruptionBudget', ({ objects }) => objects.splice(objects.findIndex((o) => o.kind === 'PodDisruptionBudget'), 1),
      /no PodDisruptionBudget/],
    ['one replica in prod', ({ find }) => { find('HorizontalPodAutoscaler').spec.minReplicas = 1; }, /minReplicas below 3/],
    ['a namespace without the restricted profile', ({ find }) => {
      delete find('Namespace').metadata.labels['pod-security.kubernetes.io/enforce'];
    }, /restricted pod security profile/],
  ];
  for (const [name, change, pattern] of cases) {
    test(name, () => assertCaught(broken(change), pattern));
  }

  test('the demo realm outside dev', () => {
    const dev = render('dev');
    const problems = broken(({ objects }) => objects.push(dev.find((o) => o.metadata.name.startsWith('ducha-keycloak-realm'))));
    assertCaught(problems, /user credentials/);
  });

  test('a writable root is only excused for the dev Keycloak', () => {
    assert.deepEqual(broken(() => {}, 'dev'), []);
    assertCaught(broken(({ find }) => {
      find('Deployment', 'keycloak').spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation = true;
    }, 'dev'), /keycloak: allowPrivilegeEscalation/);
    assertCaught(broken(({ container }) => { container.securityContext.readOnlyRootFilesystem = false; }, 'dev'),
      /container ducha: root filesystem is not read-only/);
  });

  test('a schema violation', async () => {
    const app = render('prod').find((o) => o.kind === 'Deployment');
    app.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    const errors = await schemaErrors(app);
    assert.match(errors.join(), /containerPort must be integer/);
  });

  test('an unknown kind', async () => {
    assert.match((await schemaErrors({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).join(),
      /no Kubernetes schema/);
  });
});

test('quantities and durations', () => {
  assert.equal(bytes('256Mi'), 256 * 2 ** 20);
  assert.equal(bytes('128m'), 128 * 2 ** 20);
  assert.equal(bytes('1G'), 1e9);
  assert.equal(seconds('10s'), 10);
  assert.equal(seconds('1m'), 60);
  assert.equal(seconds('PT30S'), 30);
  assert.ok(Number.isNaN(seconds('soon')));
});
