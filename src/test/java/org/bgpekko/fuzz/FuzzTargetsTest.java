// The fuzz targets as Jazzer JUnit tests. In the normal suite (regression mode) each runs over the crashes found so
// far, kept as vectors in src/test/resources/org/bgpekko/fuzz/FuzzTargetsTestInputs/<target>/; with JAZZER_FUZZ=1
// one of them fuzzes for its maxDuration. bin/fuzz runs a target longer from the seeds (docs/fuzzing.md).
package org.bgpekko.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

class FuzzTargetsTest {
    @FuzzTest(maxDuration = "60s")
    void update(byte[] data) {
        UpdateFuzzer.fuzzerTestOneInput(data);
    }

    @FuzzTest(maxDuration = "60s")
    void open(byte[] data) {
        OpenFuzzer.fuzzerTestOneInput(data);
    }

    @FuzzTest(maxDuration = "60s")
    void apiLine(byte[] data) {
        ApiLineFuzzer.fuzzerTestOneInput(data);
    }
}
