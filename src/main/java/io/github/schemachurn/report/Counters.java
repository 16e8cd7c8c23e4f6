package io.github.schemachurn.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome totals of one role (reader, writer or churner) over the measured iterations of one
 * fork, or summed over forks. Every attempt ends in exactly one success or one failure.
 */
public record Counters(long attempts, long ok, long retries, Map<Failure, Long> failures) {

    public Counters {
        EnumMap<Failure, Long> copy = new EnumMap<>(Failure.class);
        for (Failure failure : Failure.values()) {
            long count = failures.getOrDefault(failure, 0L);
            if (count < 0) {
                throw new IllegalArgumentException("negative " + failure.label() + " count " + count);
            }
            copy.put(failure, count);
        }
        failures = Collections.unmodifiableMap(copy);
        if (attempts < 0 || ok < 0 || retries < 0) {
            throw new IllegalArgumentException("negative count: attempts " + attempts + ", ok " + ok + ", retries " + retries);
        }
        long failed = copy.values().stream().mapToLong(Long::longValue).sum();
        if (attempts != ok + failed) {
            throw new IllegalArgumentException(
                    "counters do not add up: " + attempts + " attempts but " + ok + " ok + " + failed + " failed");
        }
    }

    public long failed() {
        return attempts - ok;
    }

    public long count(Failure failure) {
        return failures.get(failure);
    }

    /** Share of attempts, 0 when there were none. */
    public double shareOf(long count) {
        return attempts == 0 ? 0 : (double) count / attempts;
    }

    public static Counters sum(List<Counters> parts) {
        long attempts = 0;
        long ok = 0;
        long retries = 0;
        EnumMap<Failure, Long> failures = new EnumMap<>(Failure.class);
        for (Counters part : parts) {
            attempts += part.attempts;
            ok += part.ok;
            retries += part.retries;
            part.failures.forEach((failure, count) -> failures.merge(failure, count, Long::sum));
        }
        return new Counters(attempts, ok, retries, failures);
    }
}
