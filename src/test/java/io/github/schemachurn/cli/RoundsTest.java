package io.github.schemachurn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A study's configurations: one JMH selection, or several joined by --and, each configuration once. */
class RoundsTest {
    private static final String SEED = "\\.SeedScenarioBenchmark\\.";

    private static List<String> labels(String... args) {
        return Rounds.configurations(List.of(args)).stream().map(c -> c.params().get("ddl") + " " + c.params().get("prepare")).toList();
    }

    @Test
    void oneSelectionIsJmhsCrossProduct() {
        assertThat(labels(SEED, "-p", "prepare=LEGACY,V2", "-p", "ddl=AUTOCOMMIT,EXCLUSIVE", "-p", "journal=DELETE"))
                .containsExactly("AUTOCOMMIT LEGACY", "AUTOCOMMIT V2", "EXCLUSIVE LEGACY", "EXCLUSIVE V2");
    }

    @Test
    void selectionsJoinedByAndMakeOneStudyWithoutDuplicates() {
        List<Interleaved.Configuration> all = Rounds.configurations(List.of(
                SEED, "-p", "prepare=LEGACY", "-p", "ddl=AUTOCOMMIT,EXCLUSIVE", "-p", "journal=DELETE", "-wi", "1",
                Rounds.AND, SEED, "-p", "prepare=LEGACY", "-p", "ddl=DEFERRED,AUTOCOMMIT", "-p", "journal=DELETE", "-wi", "2"));
        assertThat(all).extracting(c -> c.params().get("ddl")).containsExactly("AUTOCOMMIT", "EXCLUSIVE", "DEFERRED");
        // Each configuration keeps the options of the selection that chose it first.
        assertThat(all).extracting(c -> c.options().getWarmupIterations().get()).containsExactly(1, 1, 2);
    }

    @Test
    void anEmptyOrUnmatchedSelectionIsBadInput() {
        assertThatThrownBy(() -> Rounds.configurations(List.of(SEED, Rounds.AND))).isInstanceOf(Rounds.Problem.class)
                .hasMessageContaining("empty selection");
        assertThatThrownBy(() -> Rounds.configurations(List.of(SEED, Rounds.AND, "NoSuchBenchmark")))
                .isInstanceOf(Rounds.Problem.class).hasMessageContaining("NoSuchBenchmark");
    }
}
