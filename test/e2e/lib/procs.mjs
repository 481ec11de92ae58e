// Every process the e2e harness starts runs in its own process group (detached) and is registered here, so it
// can be stopped with everything it spawned: on success, failure, a step's timeout, Ctrl-C, or an exit.
import { spawn } from 'node:child_process';

const groups = new Map(); // pid (= process group id) → label

// `target` < 0 names a process group.
function killGroup(target, signal) {
  try {
    process.kill(target, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

/** spawn() in a new process group, registered for cleanup. */
export function spawnGroup(label, cmd, args, options = {}) {
  const child = spawn(cmd, args, { ...options, detached: true });
  child.ownGroup = true;
  if (child.pid) groups.set(child.pid, label);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('error', () => groups.delete(child.pid));
  return child;
}

/** spawn() in the caller's process group (stopped with it); stopGroup() signals only this process. */
export function spawnChild(cmd, args, options = {}) {
  const child = spawn(cmd, args, options);
  child.ownGroup = false;
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

/** SIGTERM to the whole group, SIGKILL after `graceMs`; also reaps members that outlived the leader. */
export async function stopGroup(child, graceMs = 3000) {
  if (!child || !child.pid) return;
  const target = child.ownGroup ? -child.pid : child.pid;
  if (child.exitCode === null && child.signalCode === null) {
    killGroup(target, 'SIGTERM');
    await Promise.race([child.exited, new Promise((r) => setTimeout(r, graceMs))]);
  }
  if (child.ownGroup || (child.exitCode === null && child.signalCode === null)) killGroup(target, 'SIGKILL');
  groups.delete(child.pid);
}

/** Synchronous last resort (process 'exit', signals). */
export function killAllGroups() {
  for (const pid of groups.keys()) killGroup(-pid, 'SIGKILL');
  groups.clear();
}

let installed = false;
/** Kill every registered group when this process exits or is interrupted. */
export function installCleanupHandlers() {
  if (installed) return;
  installed = true;
  process.on('exit', killAllGroups);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      process.stderr.write(`\n${signal}: stopping ${groups.size} process group(s)\n`);
      killAllGroups();
      process.exit(130);
    });
  }
}

/** Rejects with `${what} timed out after …` when `promise` does not settle in time. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
