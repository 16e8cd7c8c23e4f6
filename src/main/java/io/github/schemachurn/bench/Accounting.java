package io.github.schemachurn.bench;

/** The invariant every counter set keeps: attempts = successes + failures, exactly. */
final class Accounting {
    private Accounting() {}

    static void check(String role, long attempts, long successes, long failures) {
        if (attempts != successes + failures) {
            throw new IllegalStateException(role + " accounting broken: " + attempts + " attempts but "
                    + successes + " successes + " + failures + " failures");
        }
    }
}
