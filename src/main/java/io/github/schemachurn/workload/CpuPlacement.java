package io.github.schemachurn.workload;

/** PLACEHOLDER until the cpus branch lands. */
public enum CpuPlacement {
    ANY, SHARED, SPLIT;

    public void check() {}

    public void pin(String role) {}
}
