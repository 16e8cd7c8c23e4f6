package io.github.schemachurn.workload;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import io.github.schemachurn.sqlite.CounterNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the roles' threads run. On a 2-core machine a reader and a churner either share one core
 * or get one each, and which one a run gets decides its results (several times apart); left to
 * the scheduler it is a coin toss per fork. Pinning each thread with Linux's
 * {@code sched_setaffinity} (through JNA) makes the regime a parameter. {@link #ANY} leaves the
 * scheduler alone, for comparison; it never touches affinity.
 */
public enum CpuPlacement {
    /** Not pinned: the scheduler decides, and may change its mind. */
    ANY,
    /** Every role on one and the same CPU: reader and churner take turns on one core. */
    SHARED,
    /** The measured operation's threads on one CPU, the schema changer on another: one core each. */
    SPLIT;

    /** The Linux C library's affinity calls; pid 0 is the calling thread. */
    interface LibC extends Library {
        int sched_setaffinity(int pid, long cpusetsize, byte[] mask) throws LastErrorException;

        int sched_getaffinity(int pid, long cpusetsize, byte[] mask) throws LastErrorException;
    }

    /** Room for 1024 CPUs, glibc's cpu_set_t. */
    private static final int MASK_BYTES = 128;

    /**
     * Refuses, with one line, a placement this process cannot have: pinning needs Linux, and SPLIT
     * needs two CPUs it may use. Never falls back silently.
     */
    public void check() {
        if (this == ANY) {
            return;
        }
        List<Integer> allowed = processCpus();
        if (this == SPLIT && allowed.size() < 2) {
            throw new IllegalArgumentException("cpus=SPLIT needs 2 CPUs this process may use, it may use " + allowed.size()
                    + " (" + allowed + ")");
        }
    }

    /** Pins the calling thread where this placement puts the role ({@link CounterNames#OPERATION} or {@link CounterNames#DDL}). */
    public void pin(String role) {
        if (this == ANY) {
            return;
        }
        List<Integer> allowed = processCpus();
        int index = this == SPLIT && role.equals(CounterNames.DDL) ? 1 : 0;
        if (index >= allowed.size()) {
            throw new IllegalArgumentException("cpus=" + this + " needs " + (index + 1) + " CPUs this process may use, it may use "
                    + allowed.size());
        }
        setCurrentThread(List.of(allowed.get(index)));
    }

    private static volatile List<Integer> processCpus;

    /**
     * The CPUs the process may use, as the first thread to ask saw them (in a JMH fork, an
     * unpinned worker at trial setup): a thread started by a pinned one inherits its single CPU,
     * so the choice must not depend on who asks later.
     */
    static List<Integer> processCpus() {
        List<Integer> cpus = processCpus;
        if (cpus == null) {
            cpus = allowedCpus();
            processCpus = cpus;
        }
        return cpus;
    }

    /** The CPUs the calling thread may run on. */
    public static List<Integer> allowedCpus() {
        byte[] mask = new byte[MASK_BYTES];
        try {
            libc().sched_getaffinity(0, MASK_BYTES, mask);
        } catch (LastErrorException e) {
            throw new IllegalStateException("cannot read the CPU affinity (sched_getaffinity: errno " + e.getErrorCode() + ")");
        }
        List<Integer> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < MASK_BYTES * 8; cpu++) {
            if ((mask[cpu / 8] & (1 << (cpu % 8))) != 0) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    /** Restricts the calling thread to these CPUs. */
    public static void setCurrentThread(List<Integer> cpus) {
        byte[] mask = new byte[MASK_BYTES];
        for (int cpu : cpus) {
            mask[cpu / 8] |= (byte) (1 << (cpu % 8));
        }
        try {
            libc().sched_setaffinity(0, MASK_BYTES, mask);
        } catch (LastErrorException e) {
            throw new IllegalStateException("cannot pin this thread to CPUs " + cpus + " (sched_setaffinity: errno "
                    + e.getErrorCode() + ")");
        }
    }

    private static LibC libc() {
        if (!Platform.isLinux()) {
            throw new IllegalArgumentException("pinning threads to CPUs needs Linux (sched_setaffinity); use -p cpus=ANY here");
        }
        return Holder.LIBC;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }
}
