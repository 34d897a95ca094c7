// Shared by the test/tools tests: the real kubectl (kustomize built in) and helm on PATH, temp
// trees written from a map of files, and cleanup after each test.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach } from "vitest";
import { kubeTools } from "../support/kube-tools.js";

/** PATH with the real kubectl and helm first, then this machine's (for git). */
export function toolsPath(): string {
  const t = kubeTools();
  return [path.dirname(t.kubectl), path.dirname(t.helm), process.env.PATH ?? ""].join(path.delimiter);
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

export function onCleanup(c: () => void): void {
  cleanups.push(c);
}

/** A fresh temp directory holding `files` (relative path -> content); removed after the test. */
export function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "netreach-tools-test-")));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split("/"));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

/** Copies a directory of the repository's test fixtures into a fresh temp directory (tools write a wrapper into it). */
export function copyFixture(rel: string): string {
  const src = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "fixtures", ...rel.split("/"));
  const dir = tree({});
  fs.cpSync(src, dir, { recursive: true });
  return dir;
}
