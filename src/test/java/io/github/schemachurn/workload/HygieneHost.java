package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A stand-in for a benchmark JVM, for {@link HygieneTest}: creates a database, runs a writer
 * and a churner process on it, prints {@code running <child pid>}, then either finishes
 * normally (argument {@code finish}) or waits to be interrupted.
 */
public final class HygieneHost {
    public static void main(String[] args) throws Exception {
        Database database = Workload.createDatabase(JournalMode.valueOf(args[0]), 1_000, 100, 0);
        WriterLoop writer = new WriterLoop(new WriterSession(database.connect(), RetryPolicy.NONE.create(), 0), 1_000);
        writer.start("writer");
        ChurnerPlacement.RunningChurn churn = ChurnerPlacement.PROCESS.start(database, DdlStrategy.IMMEDIATE,
                RetryPolicy.NONE, SchemaChange.SIDE_TABLE, new ReentrantReadWriteLock(), List.of(writer));
        ChurnerChild child = ((ChurnerPlacement.InProcess) churn).child();
        System.out.println("running " + child.pid());
        System.out.flush();
        if (args.length > 1 && args[1].equals("finish")) {
            Thread.sleep(300);
            churn.close();
            writer.close();
            database.close();
            return;
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
