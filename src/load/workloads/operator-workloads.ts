// Custom resources whose operator creates pods: each becomes one workload with the labels and
// container ports the operator gives those pods, so that policies written for them select
// something. What each operator does was read from its source, not guessed:
//
// prometheus-operator (monitoring.coreos.com/v1), pkg/prometheus/server/statefulset.go,
// pkg/alertmanager/statefulset.go, pkg/thanos/statefulset.go, pkg/operator/config_reloader.go.
// Pod labels: `app.kubernetes.io/version` (from spec.version; Prometheus and Alertmanager only),
// then spec.podMetadata.labels, then the selector labels below, each overriding the one before.
//
// | kind         | selector labels (name = the CR's name)                                    | ports                                                                  |
// | Prometheus   | app.kubernetes.io/name=prometheus, app.kubernetes.io/managed-by=          | <spec.portName or web> 9090, reloader-web 8080 (both unless            |
// |              | prometheus-operator, app.kubernetes.io/instance=name, prometheus=name,    | spec.listenLocal); with spec.thanos: http 10902, grpc 10901 (sidecar)  |
// |              | operator.prometheus.io/name=name, operator.prometheus.io/shard=0          |                                                                        |
// | Alertmanager | app.kubernetes.io/name=alertmanager, managed-by, instance=name,           | <spec.portName or web> 9093 (unless listenLocal), mesh-tcp 9094,       |
// |              | alertmanager=name                                                         | mesh-udp 9094/UDP, reloader-web 8080 (unless listenLocal)              |
// | ThanosRuler  | app.kubernetes.io/name=thanos-ruler, managed-by, instance=name,           | grpc 10901, <spec.portName or web> 10902 (unless listenLocal),         |
// |              | thanos-ruler=name                                                         | reloader-web 8080 (unless listenLocal; the operator adds it with rules)|
//
// Not modelled: the operator's own --labels flag (added to every pod; unknown here), shards past
// the first (their pods differ only in operator.prometheus.io/shard), and the version label when
// spec.version is unset (the operator's default version is not known here).
import type { ContainerPort } from "../../model/cluster.js";
import type { Protocol } from "../../net/protocol.js";
import { Checker } from "../object/checker.js";
import { objectMeta } from "../object/object-meta.js";
import type { KubeObject } from "../object/source.js";
import { sourceRef } from "../object/source-ref.js";
import { containerPorts, labels, type WorkloadLoad } from "./workload.js";

interface OperatorKind {
  readonly group: string;
  readonly selectorLabels: (name: string) => Record<string, string>;
  readonly ports: (spec: Spec) => ContainerPort[];
  /** Whether the operator sets app.kubernetes.io/version from spec.version. */
  readonly versionLabel: boolean;
  /** Whether the operator copies spec.hostNetwork to the pods. */
  readonly hostNetwork: boolean;
}

interface Spec {
  readonly listenLocal: boolean;
  readonly portName: string;
  readonly thanos: boolean;
}

const MONITORING = "monitoring.coreos.com";
const MANAGED_BY = { "app.kubernetes.io/managed-by": "prometheus-operator" };
const port = (name: string, num: number, protocol: Protocol = "TCP"): ContainerPort => ({ name, port: num, protocol });
const RELOADER = port("reloader-web", 8080);

const KINDS: Readonly<Record<string, OperatorKind>> = {
  Prometheus: {
    group: MONITORING,
    selectorLabels: (name) => ({
      "app.kubernetes.io/name": "prometheus",
      ...MANAGED_BY,
      "app.kubernetes.io/instance": name,
      prometheus: name,
      "operator.prometheus.io/name": name,
      "operator.prometheus.io/shard": "0",
    }),
    ports: (s) => [
      ...(s.listenLocal ? [] : [port(s.portName, 9090), RELOADER]),
      ...(s.thanos ? [port("http", 10902), port("grpc", 10901)] : []),
    ],
    versionLabel: true,
    hostNetwork: true,
  },
  Alertmanager: {
    group: MONITORING,
    selectorLabels: (name) => ({ "app.kubernetes.io/name": "alertmanager", ...MANAGED_BY, "app.kubernetes.io/instance": name, alertmanager: name }),
    ports: (s) => [
      ...(s.listenLocal ? [] : [port(s.portName, 9093)]),
      port("mesh-tcp", 9094),
      port("mesh-udp", 9094, "UDP"),
      ...(s.listenLocal ? [] : [RELOADER]),
    ],
    versionLabel: true,
    hostNetwork: true,
  },
  ThanosRuler: {
    group: MONITORING,
    selectorLabels: (name) => ({ "app.kubernetes.io/name": "thanos-ruler", ...MANAGED_BY, "app.kubernetes.io/instance": name, "thanos-ruler": name }),
    ports: (s) => [port("grpc", 10901), ...(s.listenLocal ? [] : [port(s.portName, 10902), RELOADER])],
    versionLabel: false,
    hostNetwork: false,
  },
};

function operatorKind(obj: KubeObject): OperatorKind | undefined {
  const k = Object.prototype.hasOwnProperty.call(KINDS, obj.kind) ? KINDS[obj.kind] : undefined;
  return k !== undefined && obj.apiVersion.split("/")[0] === k.group && obj.apiVersion.includes("/") ? k : undefined;
}

export function isOperatorWorkload(obj: KubeObject): boolean {
  return operatorKind(obj) !== undefined;
}

export function loadOperatorWorkload(obj: KubeObject): WorkloadLoad {
  const kind = operatorKind(obj)!;
  const meta = objectMeta(obj);
  const c = new Checker(obj, `${obj.kind} ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + "; left out"));
  if (meta.name === undefined) return { workload: undefined, diagnostics: c.diagnostics, replica: false };

  const version = kind.versionLabel ? semverLabel(c.get(["spec", "version"])) : undefined;
  const portName = c.get(["spec", "portName"]);
  const spec: Spec = {
    listenLocal: c.get(["spec", "listenLocal"]) === true,
    portName: typeof portName === "string" && portName !== "" ? portName : "web",
    thanos: c.get(["spec", "thanos"]) !== undefined && c.get(["spec", "thanos"]) !== null,
  };
  return {
    workload: {
      id: `${meta.namespace}/${meta.name}[${obj.kind}]`,
      namespace: meta.namespace,
      name: meta.name,
      kind: obj.kind,
      labels: {
        ...(version === undefined ? {} : { "app.kubernetes.io/version": version }),
        ...labels(c, ["spec", "podMetadata", "labels"]),
        ...kind.selectorLabels(meta.name),
      },
      // spec.containers are merged into the operator's containers (or added): their ports count too.
      ports: unique([...kind.ports(spec), ...containerPorts(c, ["spec"])]),
      hostNetwork: kind.hostNetwork && c.get(["spec", "hostNetwork"]) === true,
      // A custom resource says nothing of its pods' IPs or nodes.
      ips: [],
      nodeNames: [],
      source: sourceRef(obj),
    },
    diagnostics: c.diagnostics,
    replica: false,
  };
}

/** The operator writes the version as semver's ParseTolerant prints it: "v3.1" becomes "3.1.0". */
function semverLabel(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?([-+].*)?$/.exec(v.trim());
  if (m === null) return undefined;
  return `${Number(m[1])}.${Number(m[2])}.${Number(m[3] ?? 0)}${m[4] ?? ""}`;
}

function unique(ports: readonly ContainerPort[]): ContainerPort[] {
  const seen = new Set<string>();
  return ports.filter((p) => {
    const key = `${p.name ?? ""}/${p.port}/${p.protocol}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
