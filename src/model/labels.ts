export type Labels = Readonly<Record<string, string>>;

/** Every namespace carries this label, declared or not (set by the API server since 1.21). */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
