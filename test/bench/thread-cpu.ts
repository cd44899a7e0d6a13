/**
 * Where a benchmark run's CPU went, from Linux's per-thread scheduler accounting
 * (/proc/<pid>/task/<tid>/schedstat: nanoseconds on a core, and nanoseconds runnable but waiting for
 * one). process.cpuUsage() says how much CPU the app spent; this also says how long its threads were
 * ready to run and could not, which is what tells a run slowed by its own work from one slowed by the
 * cores being taken — by the sandbox serving it, by its own other threads, or by other tenants.
 * Elsewhere than Linux every reading is null and the figures are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ThreadTimes {
  runNs: number;
  waitNs: number;
}

interface ProcessTimes {
  /** The thread whose id is the process id: the event loop of Node's main thread. */
  main: ThreadTimes;
  /** Every thread, by id (threads that exit between two readings simply drop out of the difference). */
  threads: Map<string, ThreadTimes>;
}

export interface CpuReading {
  processes: Map<string, ProcessTimes>;
  /** /proc/stat's first line: all cores' busy and idle (idle + iowait) time, in clock ticks. */
  machine: { busyTicks: number; idleTicks: number };
}

/** The split between two readings, in milliseconds; machineIdleShare is 0–1. */
export interface CpuSplit {
  processes: Record<string, { mainMs: number; mainWaitMs: number; otherMs: number; otherWaitMs: number }>;
  machineIdleShare: number;
}

function threadTimes(pid: number, tid: string): ThreadTimes | null {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    if (run === undefined || wait === undefined || !Number.isFinite(run) || !Number.isFinite(wait)) return null;
    return { runNs: run, waitNs: wait };
  } catch {
    return null;
  }
}

function processTimes(pid: number): ProcessTimes | null {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  const threads = new Map<string, ThreadTimes>();
  for (const tid of tids) {
    const times = threadTimes(pid, tid);
    if (times) threads.set(tid, times);
  }
  const main = threads.get(String(pid));
  return main ? { main, threads } : null;
}

function machineTimes(): CpuReading['machine'] | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    return { busyTicks: user + nice + system + irq + softirq + steal, idleTicks: idle + iowait };
  } catch {
    return null;
  }
}

/** Reads every thread of each named process, and the machine's totals; null where /proc is missing. */
export function readCpu(pids: Readonly<Record<string, number>>): CpuReading | null {
  const machine = machineTimes();
  if (!machine) return null;
  const processes = new Map<string, ProcessTimes>();
  for (const [name, pid] of Object.entries(pids)) {
    const times = processTimes(pid);
    if (times) processes.set(name, times);
  }
  return { processes, machine };
}

export function cpuBetween(before: CpuReading | null, after: CpuReading | null): CpuSplit | null {
  if (!before || !after) return null;
  const processes: CpuSplit['processes'] = {};
  for (const [name, then] of before.processes) {
    const now = after.processes.get(name);
    if (!now) continue;
    let allRun = 0;
    let allWait = 0;
    for (const [tid, thread] of now.threads) {
      const earlier = then.threads.get(tid) ?? { runNs: 0, waitNs: 0 };
      allRun += thread.runNs - earlier.runNs;
      allWait += thread.waitNs - earlier.waitNs;
    }
    const mainRun = now.main.runNs - then.main.runNs;
    const mainWait = now.main.waitNs - then.main.waitNs;
    processes[name] = { mainMs: mainRun / 1e6, mainWaitMs: mainWait / 1e6, otherMs: (allRun - mainRun) / 1e6, otherWaitMs: (allWait - mainWait) / 1e6 };
  }
  const busy = after.machine.busyTicks - before.machine.busyTicks;
  const idle = after.machine.idleTicks - before.machine.idleTicks;
  return { processes, machineIdleShare: busy + idle > 0 ? idle / (busy + idle) : 0 };
}
