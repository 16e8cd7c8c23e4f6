package io.github.schemachurn.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimedBusyTimeoutTest {

    private static int[] delays(int timeoutMs, int calls) {
        return IntStream.range(0, calls).map(n -> TimedBusyTimeout.delayMs(n, timeoutMs)).toArray();
    }

    @Test
    void sleepsAsSqlitesDefaultBusyHandlerDoes() {
        assertThat(delays(60_000, 14)).containsExactly(1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100, 100, 100);
    }

    @Test
    void theLastSleepIsCutAtTheTimeoutThenItGivesUp() {
        assertThat(delays(10, 5)).containsExactly(1, 2, 5, 2, 0);
        assertThat(delays(0, 1)).containsExactly(0);
        // 228 ms in the first 11 sleeps, then 100 ms each: the 13th call has 328 ms behind it.
        assertThat(TimedBusyTimeout.delayMs(12, 400)).isEqualTo(72);
    }

    @Test
    void countsAndTimesItsSleeps() {
        TimedBusyTimeout handler = new TimedBusyTimeout(10, nanos -> true);
        int[] answers = IntStream.range(0, 5).map(n -> handler.invoke(null, n)).toArray();

        assertThat(answers).containsExactly(1, 1, 1, 1, 0);
        assertThat(handler.takeWaits()).isEqualTo(4);
        assertThat(handler.takeWaits()).isZero();
    }
}
