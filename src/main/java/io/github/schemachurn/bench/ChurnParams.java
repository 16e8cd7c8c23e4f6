package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.SchemaChange;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The params of a database with a churner beside readers or writers: what it changes, and how everyone retries. */
@State(Scope.Group) // JMH reads @Param only in @State classes; each subclass states its own scope
public abstract class ChurnParams extends DatabaseParams {
    /** How every role reacts to a failure: {@link RetryPolicy}. */
    @Param({"NONE"})
    public String retry;

    /** What the churner changes: {@link SchemaChange}. */
    @Param({"SIDE_TABLE"})
    public String change;

    RetryPolicy retryPolicy() {
        return Params.parseEnum("retry", retry, RetryPolicy.class);
    }

    SchemaChange schemaChange() {
        return Params.parseEnum("change", change, SchemaChange.class);
    }
}
