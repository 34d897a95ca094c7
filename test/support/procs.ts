// The live processes of this machine, from /proc (Linux), for tests that check what a run left
// running: pid, parent, process group and command line.
import * as fs from "node:fs";

export interface Proc {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly cmdline: string;
}

/** Every live process (zombies left out). */
export function processes(): Proc[] {
  const out: Proc[] = [];
  for (const e of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (fields[0] === "Z") continue;
      const cmdline = fs.readFileSync(`/proc/${e}/cmdline`, "utf8").split("\0").join(" ");
      out.push({ pid: Number(e), ppid: Number(fields[1]), pgid: Number(fields[2]), cmdline });
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** `pid`'s descendants among `procs`. */
export function descendants(pid: number, procs: readonly Proc[] = processes()): Proc[] {
  const out: Proc[] = [];
  const seen = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs)
      if (!seen.has(p.pid) && seen.has(p.ppid)) {
        seen.add(p.pid);
        out.push(p);
        grew = true;
      }
  }
  return out;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
