package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.PrepareMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed site's page workers, each a {@link PageWorkerProcess} of its own, as PHP-FPM or a
 * prefork server runs them: the site's page rate split evenly between them, each with its own
 * Poisson arrivals (together again a Poisson process of the site's rate), seeded from one seed.
 * {@link #poll()} asks every worker for its totals and sums them; {@link #close()} stops them all
 * and fails if one of them broke.
 */
public final class PageWorkers implements AutoCloseable {
    private final List<ChildProcess> workers = new ArrayList<>();
    private Latency latency = new Latency();

    private PageWorkers() {}

    /**
     * Starts {@code count} workers on the database's file with its busy timeout, and waits until
     * every one is ready.
     *
     * @throws IllegalStateException with one line if a worker cannot start
     */
    public static PageWorkers start(ChildJvm jvm, Database database, PrepareMode prepare, int retries, int count,
            double pagesPerSecond, long seed, int items) {
        PageWorkers pool = new PageWorkers();
        try {
            for (int i = 0; i < count; i++) {
                pool.workers.add(ChildProcess.start(jvm, PageWorkerProcess.class, PageWorkerProcess.arguments(
                        database.file(), prepare, retries, database.busyTimeoutMs(), pagesPerSecond / count,
                        seed * 1_000 + i, items), "page worker"));
            }
            for (ChildProcess worker : pool.workers) {
                pool.read(worker, "ended before it was ready");
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /** Every worker's pages so far, summed; the latency they recorded since the last poll is kept for {@link #takeLatency()}. */
    public synchronized PageTotals poll() {
        for (ChildProcess worker : workers) {
            if (!worker.send(PageWorkerProcess.REPORT)) {
                throw new IllegalStateException("page worker process does not take commands: " + worker.exitDescription());
            }
        }
        PageTotals sum = PageTotals.ZERO;
        for (ChildProcess worker : workers) {
            PageReport report = read(worker, "ended");
            sum = sum.plus(report.totals());
            latency = latency.plus(report.latency());
        }
        return sum;
    }

    /** The latency of the pages the polls saw since the last call. */
    public synchronized Latency takeLatency() {
        Latency taken = latency;
        latency = new Latency();
        return taken;
    }

    private PageReport read(ChildProcess worker, String what) {
        String line = worker.readLine();
        if (line == null) {
            throw new IllegalStateException("page worker process " + what + ": " + worker.exitDescription());
        }
        return PageReport.parse(line);
    }

    /** Stops every worker (all at once); fails naming the first that did not end with its last report. */
    @Override
    public synchronized void close() {
        for (ChildProcess worker : workers) {
            worker.send(ChildProcess.STOP);
        }
        String problem = null;
        for (ChildProcess worker : workers) {
            List<String> last = worker.stop();
            if (problem == null && (last.isEmpty() || !last.get(last.size() - 1).startsWith("{"))) {
                problem = "page worker process stopped without its last report: " + worker.exitDescription();
            }
        }
        workers.clear();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }
}
