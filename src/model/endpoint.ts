// The things a flow connects. Ids are what users read and what JSON consumers key on.
import type { AddrRange } from "../net/ip.js";
import type { ContainerPort, Workload } from "./cluster.js";
import type { Labels } from "./labels.js";

/** What the engine needs to know of anything that runs in a pod. */
export interface PodLike {
  readonly namespace: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
}

export interface WorkloadEndpoint {
  readonly type: "workload";
  readonly id: string;
  readonly pod: Workload;
}

/** A representative pod standing for every pod its labels describe (DESIGN section 4). */
export interface SyntheticEndpoint {
  readonly type: "synthetic";
  readonly id: string;
  /** Its named ports have port number 0: the number is unknown and shown by name. */
  readonly pod: PodLike;
  /** The labels that define it, with real values only (for JSON and display). */
  readonly labels: Labels;
  /**
   * The pods it stands for in people's words, where its namespace also has declared workloads
   * (a partial view): set when the words are exact, else renderers show the id.
   */
  readonly words?: RepresentativeWords;
}

/**
 * "other pods in `shop-prod` without `redis-client=true`": the pods of `namespace` that carry
 * every label of `with` and satisfy none of the requirement lists of `without`; `other`: and
 * that behave like no declared workload there (those are the declared workloads' own).
 */
export interface RepresentativeWords {
  readonly namespace: string;
  readonly other: boolean;
  /** A label it carries; `value` null: a value none of `notValues` (the values the selectors name). */
  readonly with: readonly { readonly key: string; readonly value: string | null; readonly notValues: readonly string[] }[];
  /** Requirements it fails, one text per selector: "redis-client=true", "app=web,role=client", "tier". */
  readonly without: readonly string[];
}

export type PodEndpoint = WorkloadEndpoint | SyntheticEndpoint;

export interface ExternalEndpoint {
  readonly type: "external";
  readonly id: string;
  /** Disjoint, ascending, adjacent ones merged. */
  readonly ranges: readonly AddrRange[];
  /** Minimal CIDR cover of `ranges`. */
  readonly cidrs: readonly string[];
}

/** The ingress controller as a pod: where it runs and its labels, when the user names it. */
export interface IngressController {
  readonly namespace: string;
  readonly labels: Labels;
  /** false: netreach's stand-in (a pod in a namespace of its own, with no labels). */
  readonly named: boolean;
}

export const INGRESS_CONTROLLER_ID = "{ingress-controller}";

/** Where Ingress, Gateway API and OpenShift Route traffic comes from (DESIGN section 4a). */
export interface IngressControllerEndpoint {
  readonly type: "ingress-controller";
  readonly id: typeof INGRESS_CONTROLLER_ID;
  readonly pod: PodLike;
  readonly controller: IngressController;
}

export type Endpoint = PodEndpoint | ExternalEndpoint | IngressControllerEndpoint;
