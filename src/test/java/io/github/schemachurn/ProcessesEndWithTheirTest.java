package io.github.schemachurn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every process a test starts ends with the test, pass or fail. After each test, and after each
 * class (for processes started in {@code @BeforeAll}), a process this JVM started, or one of its
 * descendants, that still runs gets a few seconds to end; then it is killed and the test fails
 * naming it. A process left running would go on using a core, and if it holds this JVM's output
 * pipe Maven waits for it forever. Registered for every test class (junit-platform.properties).
 */
public final class ProcessesEndWithTheirTest implements AfterEachCallback, AfterAllCallback {
    private static final long GRACE_SECONDS = 10;

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        endLeftovers();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        endLeftovers();
    }

    private static void endLeftovers() throws InterruptedException {
        List<ProcessHandle> running = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        if (running.isEmpty()) {
            return;
        }
        awaitExit(running);
        List<String> killed = new ArrayList<>();
        for (ProcessHandle process : running) {
            if (process.isAlive()) {
                killed.add(process.pid() + " " + process.info().commandLine().orElse("(command unknown)"));
                process.destroyForcibly();
            }
        }
        awaitExit(running);
        if (!killed.isEmpty()) {
            throw new AssertionError("processes still running " + GRACE_SECONDS + " s after the test, now killed: " + killed);
        }
    }

    private static void awaitExit(List<ProcessHandle> processes) throws InterruptedException {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The callers look at each process again.
        }
    }
}
