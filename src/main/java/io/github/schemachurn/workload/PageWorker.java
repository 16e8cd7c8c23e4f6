package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.PhpPage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * A worker that serves pages as a PHP-FPM or prefork worker does: one at a time, each on a fresh
 * connection ({@link PhpPage}), at the arrivals of a Poisson process of its own rate. A page that
 * arrives while the previous one is being served waits (it queues), so a worker that cannot keep
 * its pace shows it as lag. Each page's CPU time is the serving thread's.
 */
final class PageWorker extends BackgroundLoop {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PhpPage page;
    private final PoissonArrivals arrivals;
    private final SplittableRandom items;
    private final int itemCount;
    private final Latency.Recording latency = new Latency.Recording();
    private volatile PageTotals totals = PageTotals.ZERO;
    private boolean started;

    /** @param itemCount pages ask for items 1..itemCount at random */
    PageWorker(PhpPage page, double pagesPerSecond, long seed, int itemCount) {
        this.page = page;
        this.arrivals = new PoissonArrivals(pagesPerSecond, seed);
        this.items = new SplittableRandom(seed);
        this.itemCount = Math.max(1, itemCount);
    }

    @Override
    void step() {
        if (!started) {
            started = true;
            arrivals.start();
        }
        long lag = arrivals.awaitNext(this::stopped);
        if (lag < 0) {
            return;
        }
        long cpuAtStart = THREADS.getCurrentThreadCpuTime();
        Counts counts = new Counts();
        PhpPage.Served served = page.serve(1 + items.nextInt(itemCount), latency.timing(counts));
        totals = totals.plus(PageTotals.page(counts, THREADS.getCurrentThreadCpuTime() - cpuAtStart, served, lag));
    }

    /** The pages served so far (as of the last finished page), and their latency since the last call. */
    PageReport report() {
        return new PageReport(totals, latency.take().encode());
    }
}
