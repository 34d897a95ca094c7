/**
 * How the GitHub edge says something without depending on @actions/core: the caller decides
 * where the line goes (core.info / core.notice / core.warning, stderr in tests, ...).
 */
export type LogLevel = "info" | "notice" | "warning";
export type Log = (level: LogLevel, msg: string) => void;

/** A logger that drops everything; the default where a `log` is optional. */
export const silent: Log = () => {};
