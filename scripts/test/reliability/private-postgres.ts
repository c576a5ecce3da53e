import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// A PostgreSQL server of the reliability test's own, in a temporary folder, on a port of its own:
// the test stops and restarts it in the middle of the load, which it must never do to the
// machine's shared server. Debian's binaries (/usr/lib/postgresql/<version>/bin); as root, they
// run as the postgres user (initdb refuses root).

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "pg_ctl"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)");
  return path.join(root, newest, "bin");
}

export class PrivatePostgres {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "doctipro-reliability-pg-"));
  private readonly bin = binDir();
  private readonly asRoot = process.getuid?.() === 0;

  constructor(readonly port: number) {
    if (this.asRoot) spawnSync("chown", ["-R", "postgres:postgres", this.dir]);
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/doctipro`;
  }

  private run(tool: string, args: string[]): SpawnSyncReturns<string> {
    const command = path.join(this.bin, tool);
    const result = this.asRoot
      ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
      : spawnSync(command, args, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")}: ${result.stderr || result.stdout}`);
    return result;
  }

  private get data() {
    return path.join(this.dir, "data");
  }

  /** The same, without blocking this process's event loop (the load goes on meanwhile). */
  private runAsync(tool: string, args: string[]): Promise<void> {
    const command = path.join(this.bin, tool);
    const child = this.asRoot ? spawn("runuser", ["-u", "postgres", "--", command, ...args]) : spawn(command, args);
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    return new Promise((resolve, reject) =>
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} ${args.join(" ")}: ${output}`)))),
    );
  }

  init(): void {
    this.run("initdb", ["-D", this.data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
    this.start();
    this.run("psql", ["-h", "127.0.0.1", "-p", String(this.port), "-U", "postgres", "-d", "postgres", "-q", "-c", "CREATE DATABASE doctipro"]);
  }

  private startArgs(): string[] {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
    return ["-D", this.data, "-o", options, "-l", path.join(this.dir, "server.log"), "-w", "start"];
  }

  start(): void {
    this.run("pg_ctl", this.startArgs());
  }

  startInBackground(): Promise<void> {
    return this.runAsync("pg_ctl", this.startArgs());
  }

  /** A fast shutdown: connections are cut, as when a database server is restarted for maintenance. */
  stop(): void {
    this.run("pg_ctl", ["-D", this.data, "-m", "fast", "-w", "stop"]);
  }

  stopInBackground(): Promise<void> {
    return this.runAsync("pg_ctl", ["-D", this.data, "-m", "fast", "-w", "stop"]);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
