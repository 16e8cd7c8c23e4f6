package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.workload.Fixture;
import io.github.schemachurn.workload.WriterSession;
import org.openjdk.jmh.annotations.*;

/** A writer thread ({@link WriterSession}); the fixture audits its inserts by id at the end. */
@State(Scope.Thread)
public class WriterThread extends RoleThread<WriterSession> {
    public WriterThread() {
        super(CounterNames.OPERATION, Fixture::writer);
    }
}
