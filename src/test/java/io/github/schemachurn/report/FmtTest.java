package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {

    /** A lead over an option that ran near zero operations in a round read "+404038464000 %". */
    @Test
    void hugeChangesAreFactorsAndBeyondAThousandfoldCapped() {
        assertThat(Fmt.signedPct(-3.44)).isEqualTo("-3.4 %");
        assertThat(Fmt.signedPct(149.4)).isEqualTo("+149 %");
        assertThat(Fmt.signedPct(999)).isEqualTo("+999 %");
        assertThat(Fmt.signedPct(1125)).isEqualTo("×12.3");
        assertThat(Fmt.change(1, 1000)).isEqualTo("×1,000");
        assertThat(Fmt.signedPct(404038464000.0)).isEqualTo("> ×1,000");
        assertThat(Fmt.signedPct(-100)).isEqualTo("-100 %");
    }
}
