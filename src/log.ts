// A small leveled logger writing to stderr (stdout carries only the machine-readable start line).
export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function normalise(level: string): LogLevel {
  const lower = level.toLowerCase();
  if (lower === "debug" || lower === "info" || lower === "warn" || lower === "error") return lower;
  if (lower === "warning") return "warn";
  return "info";
}

export function createLogger(level: string): Logger {
  const threshold = ORDER[normalise(level)];
  const write = (at: LogLevel, message: string, error?: unknown) => {
    if (ORDER[at] < threshold) return;
    const detail = error instanceof Error ? ` ${error.stack ?? error.message}` : error === undefined ? "" : ` ${String(error)}`;
    process.stderr.write(`${new Date().toISOString()} ${at.toUpperCase()} ${message}${detail}\n`);
  };
  return {
    debug: (message) => write("debug", message),
    info: (message) => write("info", message),
    warn: (message, error) => write("warn", message, error),
    error: (message, error) => write("error", message, error),
  };
}
