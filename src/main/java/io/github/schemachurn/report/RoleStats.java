package io.github.schemachurn.report;

import java.util.List;

/**
 * One role of a throughput row (reader, writer or churner): attempts per second as JMH measured
 * them, and the outcome counters that split those attempts. The rate of an outcome is the
 * role's throughput times its share of attempts; JMH measured the time, so a busy_timeout that
 * stretched an iteration does not inflate a rate.
 */
public record RoleStats(String role, Estimate attemptsPerSecond, Counters total, List<Counters> forks) {

    public RoleStats {
        forks = List.copyOf(forks);
        if (forks.size() != attemptsPerSecond.forks().size()) {
            throw new IllegalArgumentException(role + ": " + attemptsPerSecond.forks().size()
                    + " forks of throughput but " + forks.size() + " forks of counters");
        }
    }

    /** The role's throughput and counters in a row; the counters are "op" for readers and writers, "ddl" for the churner. */
    public static RoleStats of(BenchmarkRow row, String role, String counterPrefix) {
        Metric metric = row.role(role).orElseThrow(
                () -> new ReportException(row.source() + ": " + row.name() + " has no '" + role + "' metric"));
        List<Counters> forks = row.forks(counterPrefix);
        if (forks.isEmpty()) {
            throw new ReportException(row.source() + ": " + row.name() + " has no " + counterPrefix + "* counters");
        }
        return new RoleStats(role, Estimate.of(metric), Counters.sum(forks), forks);
    }

    public Estimate okPerSecond() {
        return share(Counters::ok);
    }

    public Estimate failedPerSecond() {
        return share(Counters::failed);
    }

    public Estimate perSecond(Failure failure) {
        return share(c -> c.count(failure));
    }

    public double failedPercent() {
        return 100 * total.shareOf(total.failed());
    }

    public double percent(Failure failure) {
        return 100 * total.shareOf(total.count(failure));
    }

    public List<Double> forkFailedPercents() {
        return forks.stream().map(c -> 100 * c.shareOf(c.failed())).toList();
    }

    public double retriesPerAttempt() {
        return total.attempts() == 0 ? 0 : (double) total.retries() / total.attempts();
    }

    /** The failure class with the most failures, if any failed. */
    public java.util.Optional<Failure> mainFailure() {
        Failure main = null;
        for (Failure failure : Failure.values()) {
            if (total.count(failure) > 0 && (main == null || total.count(failure) > total.count(main))) {
                main = failure;
            }
        }
        return java.util.Optional.ofNullable(main);
    }

    private Estimate share(java.util.function.ToLongFunction<Counters> part) {
        List<Double> forkShares = forks.stream().map(c -> c.shareOf(part.applyAsLong(c))).toList();
        return attemptsPerSecond.scaled(total.shareOf(part.applyAsLong(total)), forkShares);
    }
}
