import { readFileSync } from 'node:fs';
import { constants, monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';

/**
 * CPU time the whole machine has spent busy so far, in ms, from /proc/stat: the server,
 * the stub model, the customers and Postgres together. Undefined where there is no /proc.
 */
function machineBusyMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is work.
    const busy = fields.slice(0, 8).reduce((a, b) => a + b, 0) - (fields[3] ?? 0) - (fields[4] ?? 0);
    return busy * 10; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * Starts watching the calling thread — the server's — and the machine; `stop()` answers,
 * for the time in between: how busy the thread was, the CPU time it spent (unlike its busy
 * time, not lengthened while a crowded machine runs something else), how late its event loop ran (a stall
 * delays every turn waiting on it), the garbage collector's pauses on it (young generation
 * apart from old), and the machine's busy CPU time.
 */
export function watchServerThread() {
  const loop = performance.eventLoopUtilization();
  const lateness = monitorEventLoopDelay({ resolution: 5 });
  lateness.enable();
  const gcPauses = { young: [] as number[], old: [] as number[] };
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      (kind === constants.NODE_PERFORMANCE_GC_MINOR ? gcPauses.young : gcPauses.old).push(e.duration);
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const machineBefore = machineBusyMs();
  const cpuBefore = process.threadCpuUsage();
  return {
    stop() {
      const { utilization, active } = performance.eventLoopUtilization(loop);
      const cpu = process.threadCpuUsage(cpuBefore);
      const machineAfter = machineBusyMs();
      lateness.disable();
      gc.disconnect();
      return {
        busy: utilization,
        busyMs: active,
        cpuMs: (cpu.user + cpu.system) / 1000,
        machineMs: machineBefore === undefined || machineAfter === undefined ? undefined : machineAfter - machineBefore,
        loopDelayMs: { p99: lateness.percentile(99) / 1e6, max: lateness.max / 1e6 },
        gcPauses,
      };
    },
  };
}
