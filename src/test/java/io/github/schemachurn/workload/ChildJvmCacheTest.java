package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** A fast-starting churner JVM runs like any other; its cache is made once and used by every child. */
class ChildJvmCacheTest {
    @Test
    void aFastStartingChildChurnsWithTheSharedLibraryAndArchive() throws Exception {
        ChildJvm fast = ChildJvm.fastStarting();
        assertThat(ChildJvm.fastStarting()).isSameAs(fast);
        String libraryPath = fast.options().stream().filter(o -> o.startsWith("-Dorg.sqlite.lib.path="))
                .findFirst().orElseThrow().substring("-Dorg.sqlite.lib.path=".length());
        assertThat(Files.list(Paths.get(libraryPath)).map(Path::getFileName).map(Path::toString))
                .contains(System.mapLibraryName("sqlitejdbc"));
        System.out.println("fast-start options: " + fast.options());
        try (Database database = Workload.createDatabase(JournalMode.WAL, 0, 10, 0);
             ChurnerChild child = ChurnerChild.start(fast, database, DdlStrategy.IMMEDIATE, RetryPolicy.NONE,
                     SchemaChange.SIDE_TABLE, ChurnerProcess.Mode.RUN)) {
            Thread.sleep(200);
            assertThat(child.report().totals().ok()).isPositive();
        }
    }
}
