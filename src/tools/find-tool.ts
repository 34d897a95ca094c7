// Finding kustomize, kubectl and helm on PATH ourselves, so that the absolute path is what runs
// (a relative PATH entry or the build directory never supplies a binary) and a missing tool is
// reported with how to get it rather than as a bare ENOENT.
import * as fs from "node:fs";
import * as path from "node:path";

export type ToolName = "kustomize" | "kubectl" | "helm";

const install: Record<ToolName, string> = {
  kustomize: "install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl, which has it built in",
  kubectl: "install kubectl (https://kubernetes.io/docs/tasks/tools/)",
  helm: "install Helm v3 or v4 (https://helm.sh/docs/intro/install/)",
};

/** The tool is not on PATH; the message names it and says how to install it. */
export function missingToolMessage(names: readonly ToolName[]): string {
  const list = names.map((n) => `\`${n}\``).join(" or ");
  return (
    `${list} not found on PATH: ${names.map((n) => install[n]).join("; ")}. ` +
    "GitHub's hosted runners (ubuntu-latest) ship kubectl, kustomize and helm; on a self-hosted runner or in a container, install them first."
  );
}

/** Absolute path of the first executable `name` in the absolute entries of `searchPath`. */
export function findOnPath(name: ToolName, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!path.isAbsolute(dir)) continue;
    const file = path.join(dir, name);
    try {
      if (!fs.statSync(file).isFile()) continue;
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // Not here.
    }
  }
  return undefined;
}
