package io.github.schemachurn.sqlite.capi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NativeSqliteTest {
    @Test
    void missingLibraryFailsWithOneLineNamingThePackage() {
        assertThatThrownBy(() -> NativeSqlite.load("schemachurn_no_such_library"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("system SQLite library libsqlite3.so.0 not found: install Debian package libsqlite3-0")
                .hasNoCause();
    }

    @Test
    void environmentRecordsVersionAndEveryCompileOption() {
        assertThat(NativeSqlite.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(NativeSqlite.compileOptions()).isNotEmpty().anyMatch(option -> option.startsWith("THREADSAFE="));
        assertThat(NativeSqlite.maxSchemaRetry()).isPositive();
    }
}
