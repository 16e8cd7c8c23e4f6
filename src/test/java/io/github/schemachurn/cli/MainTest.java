package io.github.schemachurn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void failOnErrorIsTheDefault() {
        assertThat(Main.withFailOnErrorDefault(new String[] {"ChurnBenchmark", "-f", "1"}))
                .containsExactly("-foe", "true", "ChurnBenchmark", "-f", "1");
    }

    @Test
    void anExplicitFailOnErrorIsKept() {
        assertThat(Main.withFailOnErrorDefault(new String[] {"-foe", "false", "-l"})).containsExactly("-foe", "false", "-l");
    }

    @Test
    void aBadOptionIsLeftForJmhToReport() {
        assertThat(Main.withFailOnErrorDefault(new String[] {"-f", "many"})).containsExactly("-f", "many");
    }
}
