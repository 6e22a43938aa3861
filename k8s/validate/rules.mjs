// Ducha's deployment rules, checked on rendered manifests so that they cannot rot. check() returns the broken
// rules as sentences; [] means all hold. Each rule has a test that breaks it on purpose (manifests.test.mjs).

const APP = 'ducha';
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY/i;
/** Containers that may keep a writable root, by overlay, with the reason. */
const WRITABLE_ROOT = { dev: { keycloak: 'Keycloak start-dev re-augments itself into /opt/keycloak/lib' } };
/** Room the native process needs beside its Java heap: image heap, thread stacks, Netty buffers. */
const NON_HEAP_MIB = 96;
const HEALTH = { livenessProbe: '/q/health/live', readinessProbe: '/q/health/ready', startupProbe: '/q/health/started' };

export function check(objects, overlay) {
  const problems = [];
  const say = (text) => problems.push(text);
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);

  for (const secret of byKind('Secret')) {
    say(`Secret/${secret.metadata?.name} is rendered: secrets are referenced, never committed`);
  }
  for (const map of byKind('ConfigMap')) {
    for (const [key, value] of Object.entries(map.data ?? {})) {
      if (SECRET_NAME.test(key)) say(`ConfigMap/${map.metadata.name} holds ${key}: that belongs in a Secret`);
      if (overlay !== 'dev' && String(value).includes('"credentials"')) {
        say(`ConfigMap/${map.metadata.name} carries user credentials (the demo realm) outside dev`);
      }
    }
  }
  const namespaces = byKind('Namespace');
  if (namespaces.length === 0) say('no Namespace with Pod Security Admission labels');
  for (const ns of namespaces) {
    if (ns.metadata?.labels?.['pod-security.kubernetes.io/enforce'] !== 'restricted') {
      say(`Namespace/${ns.metadata?.name} does not enforce the restricted pod security profile`);
    }
  }

  for (const workload of objects.filter((o) => WORKLOADS.has(o.kind))) {
    checkWorkload(workload, objects, overlay, say);
  }
  const app = named('Deployment', APP);
  if (!app) {
    say(`no Deployment/${APP}`);
    return problems;
  }
  checkApp(app, objects, overlay, say, named);
  return problems;
}

function podSpecOf(workload) {
  return workload.kind === 'CronJob' ? workload.spec?.jobTemplate?.spec?.template?.spec : workload.spec?.template?.spec;
}

function checkWorkload(workload, objects, overlay, say) {
  const where = `${workload.kind}/${workload.metadata?.name}`;
  const pod = podSpecOf(workload) ?? {};
  const podSecurity = pod.securityContext ?? {};
  const account = objects.find((o) => o.kind === 'ServiceAccount' && o.metadata?.name === pod.serviceAccountName);
  if (pod.automountServiceAccountToken !== false && account?.automountServiceAccountToken !== false) {
    say(`${where}: the service account token is mounted (automountServiceAccountToken must be false)`);
  }
  for (const flag of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod[flag] === true) say(`${where}: ${flag} is on`);
  }
  const long = workload.kind !== 'Job' && workload.kind !== 'CronJob';
  for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    const at = `${where} container ${container.name}`;
    const image = String(container.image ?? '');
    const tag = imageTag(image);
    if (tag === null) say(`${at}: image ${image} has no tag`);
    else if (tag === 'latest') say(`${at}: image ${image} uses the latest tag`);

    const { requests = {}, limits = {} } = container.resources ?? {};
    for (const [kind, values] of [['requests', requests], ['limits', limits]]) {
      for (const resource of ['cpu', 'memory']) {
        if (values[resource] === undefined) say(`${at}: no ${resource} in resources.${kind}`);
      }
    }
    if (requests.memory !== undefined && limits.memory !== undefined
        && bytes(requests.memory) !== bytes(limits.memory)) {
      say(`${at}: memory request ${requests.memory} differs from its limit ${limits.memory}`);
    }

    if (long && (pod.containers ?? []).includes(container)) {
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (!container[probe]) say(`${at}: no ${probe}`);
      }
    }

    const security = container.securityContext ?? {};
    if (security.runAsNonRoot !== true && podSecurity.runAsNonRoot !== true) say(`${at}: runAsNonRoot is not true`);
    if (security.runAsUser === 0 || (security.runAsUser === undefined && podSecurity.runAsUser === 0)) {
      say(`${at}: runs as user 0`);
    }
    if (security.allowPrivilegeEscalation !== false) say(`${at}: allowPrivilegeEscalation is not false`);
    if (security.privileged === true) say(`${at}: privileged`);
    if (!(security.capabilities?.drop ?? []).includes('ALL')) say(`${at}: capabilities do not drop ALL`);
    if ((security.capabilities?.add ?? []).length > 0) say(`${at}: adds capabilities`);
    const seccomp = security.seccompProfile?.type ?? podSecurity.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault') say(`${at}: seccomp profile is not RuntimeDefault`);
    const writable = WRITABLE_ROOT[overlay]?.[container.name];
    if (security.readOnlyRootFilesystem !== true && !writable) say(`${at}: root filesystem is not read-only`);

    for (const variable of container.env ?? []) {
      if (variable.value !== undefined && SECRET_NAME.test(variable.name)) {
        say(`${at}: ${variable.name} has a literal value; take it from a Secret`);
      }
    }
  }
}

function checkApp(app, objects, overlay, say, named) {
  const pod = app.spec.template.spec;
  const container = pod.containers.find((c) => c.name === APP);
  if (!container) {
    say(`Deployment/${APP} has no container ${APP}`);
    return;
  }
  const at = `Deployment/${APP}`;
  const ports = Object.fromEntries((container.ports ?? []).map((p) => [p.name, p.containerPort]));
  if (ports.http !== 8080) say(`${at}: no http port 8080`);
  if (ports.management !== 9000) say(`${at}: no management port 9000`);
  for (const [probe, path] of Object.entries(HEALTH)) {
    const get = container[probe]?.httpGet;
    if (get && (get.path !== path || (get.port !== 'management' && get.port !== 9000))) {
      say(`${at}: ${probe} is not GET ${path} on the management port`);
    }
  }

  const tmp = (container.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
  const tmpVolume = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
  if (!tmpVolume?.emptyDir) say(`${at}: /tmp is not an emptyDir`);

  const heap = (container.args ?? []).map((a) => /^-Xmx(\d+[kmgKMG]?)$/.exec(a)).find(Boolean);
  const limit = container.resources?.limits?.memory;
  if (!heap) say(`${at}: no -Xmx in the container's args (the native heap must be bounded)`);
  else if (limit && bytes(limit) - bytes(heap[1]) < NON_HEAP_MIB * 2 ** 20) {
    say(`${at}: -Xmx${heap[1]} leaves less than ${NON_HEAP_MIB}Mi of the ${limit} limit beside the heap`);
  }

  const refs = container.envFrom ?? [];
  if (!refs.some((r) => r.secretRef?.name === 'ducha-db' && r.secretRef.optional !== true)) {
    say(`${at}: does not take the database credentials from Secret ducha-db`);
  }
  const configName = refs.find((r) => r.configMapRef)?.configMapRef.name;
  const config = configName && named('ConfigMap', configName);
  if (!config) {
    say(`${at}: its ConfigMap ${configName ?? '(none)'} is not rendered`);
  } else {
    const needed = seconds(config.data.SHUTDOWN_DELAY) + seconds(config.data.SHUTDOWN_TIMEOUT);
    if (!((pod.terminationGracePeriodSeconds ?? 30) > needed)) {
      say(`${at}: terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds ?? 30} does not cover`
        + ` SHUTDOWN_DELAY + SHUTDOWN_TIMEOUT (${needed}s)`);
    }
  }

  const labels = app.spec.template.metadata?.labels ?? {};
  const selects = (selector) => selector && Object.entries(selector).every(([k, v]) => labels[k] === v);
  const service = objects.find((o) => o.kind === 'Service' && selects(o.spec?.selector));
  if (!service) say(`no Service selects the ${APP} pods`);
  else if (!service.spec.ports.some((p) => p.targetPort === 'http' || p.targetPort === 8080)) {
    say(`Service/${service.metadata.name} does not route to the http port`);
  }
  const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.spec?.scaleTargetRef?.name === APP);
  if (!hpa) say(`no HorizontalPodAutoscaler scales Deployment/${APP}`);
  else {
    const minimum = overlay === 'prod' ? 3 : 1;
    if (!(hpa.spec.minReplicas >= minimum)) say(`HorizontalPodAutoscaler/${APP}: minReplicas below ${minimum}`);
    if (!(hpa.spec.maxReplicas >= hpa.spec.minReplicas)) say(`HorizontalPodAutoscaler/${APP}: max below min`);
  }
  if (!objects.some((o) => o.kind === 'PodDisruptionBudget' && selects(o.spec?.selector?.matchLabels))) {
    say(`no PodDisruptionBudget covers the ${APP} pods`);
  }
  checkNetworkPolicy(objects.find((o) => o.kind === 'NetworkPolicy' && selects(o.spec?.podSelector?.matchLabels)),
    ports, say);
}

function checkNetworkPolicy(policy, ports, say) {
  if (!policy) {
    say(`no NetworkPolicy selects the ${APP} pods`);
    return;
  }
  const at = `NetworkPolicy/${policy.metadata.name}`;
  const types = policy.spec.policyTypes ?? [];
  if (!types.includes('Ingress') || !types.includes('Egress')) say(`${at}: does not govern both Ingress and Egress`);
  const portNumber = (port) => (typeof port === 'string' ? ports[port] : port);
  for (const rule of policy.spec.ingress ?? []) {
    if (!rule.ports?.length) say(`${at}: an ingress rule opens every port`);
    for (const port of rule.ports ?? []) {
      const number = portNumber(port.port);
      const monitoringOnly = (rule.from ?? []).length > 0
        && rule.from.every((peer) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'monitoring');
      if (number === 9000 && !monitoringOnly) say(`${at}: the management port is open beyond the monitoring namespace`);
      if (number !== 8080 && number !== 9000) say(`${at}: ingress to port ${port.port}`);
    }
  }
  const egress = policy.spec.egress ?? [];
  if (egress.some((rule) => !rule.ports?.length)) say(`${at}: an egress rule opens every port`);
  const allowed = egress.flatMap((rule) => rule.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`);
  for (const needed of ['5432/TCP', '443/TCP', '53/UDP', '53/TCP']) {
    if (!allowed.includes(needed)) say(`${at}: no egress to ${needed}`);
  }
}

/** The tag of an image reference, 'digest' for a pinned digest, null for none. */
export function imageTag(image) {
  if (image.includes('@sha256:')) return 'digest';
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  return colon < 0 ? null : last.slice(colon + 1);
}

/** Bytes of a Kubernetes quantity (256Mi, 1Gi, 512M) or a JVM size (128m, 1g). */
export function bytes(quantity) {
  const match = /^(\d+(?:\.\d+)?)([KMGT]i?|[kmgt])?$/.exec(String(quantity));
  if (!match) return NaN;
  const binary = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };
  const decimal = { K: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  const unit = match[2] ?? '';
  return Number(match[1]) * (binary[unit] ?? decimal[unit] ?? 1);
}

/** Seconds of a Quarkus duration such as 10s, 1m, 500ms or PT30S. */
export function seconds(duration) {
  const text = String(duration ?? '').trim();
  const simple = /^(\d+)(ms|s|m|h)?$/.exec(text);
  if (simple) return Number(simple[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[simple[2] ?? 's'];
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i.exec(text);
  if (iso) return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
  return NaN;
}
