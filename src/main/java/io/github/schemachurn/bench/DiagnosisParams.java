package io.github.schemachurn.bench;

import io.github.schemachurn.workload.diagnosis.Case;
import io.github.schemachurn.workload.diagnosis.Demo;
import io.github.schemachurn.sqlite.Database;
import java.nio.file.Path;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The diagnose benchmarks' input: the case file {@code diagnose} writes (a private copy of the
 * user's database, the query, the migration); empty (the default) runs them on {@link Demo}'s schema.
 */
@State(Scope.Benchmark) // JMH reads @Param only in @State classes; each subclass states its own scope
public abstract class DiagnosisParams {
    /** Path of the diagnosis case file, written by {@code diagnose}; empty for the demo schema. */
    @Param({""})
    public String diagnosis;

    private Database demo;

    Case diagnosisCase() throws SQLException {
        if (!diagnosis.isEmpty()) {
            return Case.read(Path.of(diagnosis));
        }
        demo = Demo.create();
        return Demo.of(demo);
    }

    void removeDemo() {
        if (demo != null) {
            demo.close();
        }
    }
}
