package io.github.schemachurn.workload;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.schemachurn.sqlite.Counts;

/**
 * What pages did, summed: their outcome counts, the serving thread's CPU time, the two parts of
 * their exposure window ({@link io.github.schemachurn.sqlite.PhpPage}) summed over the pages that
 * timed them, and how well the arrivals were kept: pages started more than {@link #LATE_NANOS}
 * after their arrival, and the lag summed over all pages. Running totals, never changed once made;
 * a difference of two ({@link #minus}) is what happened between them.
 */
public record PageTotals(@JsonProperty("counts") Counts counts, @JsonProperty("cpuNanos") long cpuNanos,
                         @JsonProperty("retried") long retried, @JsonProperty("timed") long timed,
                         @JsonProperty("schemaLoadNanos") long schemaLoadNanos,
                         @JsonProperty("prepareToStepNanos") long prepareToStepNanos,
                         @JsonProperty("late") long late, @JsonProperty("lagNanos") long lagNanos) {
    /** A page started later than this after its arrival is late: its worker did not keep its pace. */
    public static final long LATE_NANOS = 10_000_000;
    public static final PageTotals ZERO = new PageTotals(new Counts(), 0, 0, 0, 0, 0, 0, 0);

    /** One page: its counts, its CPU time, how it was served, and how late it started. */
    static PageTotals page(Counts counts, long cpuNanos, io.github.schemachurn.sqlite.PhpPage.Served served, long lagNanos) {
        return new PageTotals(counts, cpuNanos, counts.retries() > 0 ? 1 : 0, served.timed() ? 1 : 0,
                served.schemaLoadNanos(), served.prepareToStepNanos(), lagNanos > LATE_NANOS ? 1 : 0, lagNanos);
    }

    public PageTotals plus(PageTotals other) {
        return combine(other, 1);
    }

    /** What happened between an earlier snapshot and this one. */
    public PageTotals minus(PageTotals earlier) {
        return combine(earlier, -1);
    }

    private PageTotals combine(PageTotals other, int sign) {
        return new PageTotals(sign > 0 ? counts.plus(other.counts) : counts.minus(other.counts),
                cpuNanos + sign * other.cpuNanos, retried + sign * other.retried, timed + sign * other.timed,
                schemaLoadNanos + sign * other.schemaLoadNanos, prepareToStepNanos + sign * other.prepareToStepNanos,
                late + sign * other.late, lagNanos + sign * other.lagNanos);
    }
}
