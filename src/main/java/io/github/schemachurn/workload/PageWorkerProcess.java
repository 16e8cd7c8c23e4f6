package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.PhpPage;
import io.github.schemachurn.sqlite.PrepareMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A page worker in its own OS process, as PHP-FPM or a prefork server runs one: it serves the
 * seed site's pages ({@link PageWorker}) on the system SQLite library until told to stop. Started
 * by {@link PageWorkers}; talks in lines over standard input and output.
 *
 * <pre>
 * java -cp target/benchmarks.jar io.github.schemachurn.workload.PageWorkerProcess --db=/path/bench.db \
 *     --prepare=LEGACY --retries=0 --busy-timeout=60000 --pages-per-second=50 --seed=1 --items=10000
 * </pre>
 *
 * <p>Protocol (child to parent first): a {@link PageReport} line with zero counts once ready. On
 * {@code report} it answers one report line; on {@code stop} or end of input (the parent died) it
 * stops after the page it is serving, prints a last report and exits 0. Exit code 2: bad
 * arguments (one line on standard error).
 */
@Command(name = "page-worker-process", mixinStandardHelpOptions = true,
        description = "Serves the seed site's pages in its own process; started and driven by PageWorkers.")
public final class PageWorkerProcess implements Callable<Integer> {
    static final String REPORT = ChildProcess.REPORT;

    @Option(names = "--db", required = true, description = "an existing database file")
    Path db;
    @Option(names = "--prepare", required = true, description = "one of ${COMPLETION-CANDIDATES}")
    PrepareMode prepare;
    @Option(names = "--retries", required = true, description = "prepare and execute again after SQLITE_SCHEMA, at most this often")
    int retries;
    @Option(names = "--busy-timeout", required = true, description = "milliseconds")
    int busyTimeoutMs;
    @Option(names = "--pages-per-second", required = true, description = "this worker's arrival rate")
    double pagesPerSecond;
    @Option(names = "--seed", required = true, description = "seeds the arrivals and the items asked for")
    long seed;
    @Option(names = "--items", required = true, description = "pages ask for items 1..items")
    int items;

    static List<String> arguments(java.nio.file.Path db, PrepareMode prepare, int retries, int busyTimeoutMs,
            double pagesPerSecond, long seed, int items) {
        return List.of("--db=" + db, "--prepare=" + prepare.name(), "--retries=" + retries,
                "--busy-timeout=" + busyTimeoutMs, "--pages-per-second=" + pagesPerSecond, "--seed=" + seed,
                "--items=" + items);
    }

    public static void main(String[] args) {
        ChildProcess.main(new PageWorkerProcess(), "page worker", args);
    }

    @Override
    public Integer call() throws IOException {
        if (!db.toFile().isFile()) {
            throw new IllegalArgumentException("database file " + db + " does not exist");
        }
        if (busyTimeoutMs < 0) {
            throw new IllegalArgumentException("--busy-timeout must not be negative, got " + busyTimeoutMs);
        }
        PageWorker worker = new PageWorker(new PhpPage(db, busyTimeoutMs, Workload.POINT_QUERY, prepare, retries),
                pagesPerSecond, seed, items);
        System.out.println(worker.report().toLine());
        System.out.flush();
        worker.start("pages");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ChildProcess.answerReports(in, "page worker", () -> {
            worker.checkHealthy();
            return worker.report().toLine();
        });
        worker.stop();
        System.out.println(worker.report().toLine());
        return 0;
    }
}
