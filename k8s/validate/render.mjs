// Renders a kustomization with the cluster-free `kubectl kustomize`, and checks objects against the Kubernetes
// schemas of the npm package kubernetes-models (one model class per apiVersion and kind).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const K8S_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OVERLAYS = ['dev', 'prod'];

/** Every object `kubectl kustomize` renders for the overlay; throws when kustomize fails. */
export function render(overlay) {
  const text = execFileSync('kubectl', ['kustomize', join(K8S_DIR, 'overlays', overlay)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) {
      throw new Error(`${overlay}: ${doc.errors.map((e) => e.message).join('; ')}`);
    }
    return doc.toJS();
  }).filter((object) => object !== null);
}

/**
 * Schema errors of one object: [] when it is valid. An apiVersion/kind without a model is an error too, so
 * nothing passes unchecked. (The schemas type every known field; they do not reject unknown ones, which is why
 * rules.mjs insists on the fields that matter.)
 */
export async function schemaErrors(object) {
  const { apiVersion, kind } = object ?? {};
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return ['object without apiVersion and kind'];
  }
  let model;
  try {
    model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    return [`${apiVersion} ${kind}: no Kubernetes schema for this kind`];
  }
  try {
    new model(object).validate();
    return [];
  } catch (e) {
    return [`${kind}/${object.metadata?.name}: ${e.message}`];
  }
}
