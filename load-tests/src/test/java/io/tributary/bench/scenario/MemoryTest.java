package io.tributary.bench.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryTest {

    @Test
    void theParallelCollectorsGenerationsAreAddedUp() {
        String heapInfo = """
                12345:
                 PSYoungGen      total 20480K, used 5120K [0x00000000f8000000, 0x00000000f9400000, 0x0000000100000000)
                  eden space 17920K, 28% used [0x00000000f8000000,0x00000000f8500000,0x00000000f9180000)
                 ParOldGen       total 44032K, used 15360K [0x00000000e8000000, 0x00000000eab00000, 0x00000000f8000000)
                  object space 44032K, 34% used [0x00000000e8000000,0x00000000e8f00000,0x00000000eab00000)
                 Metaspace       used 61000K, committed 61500K, reserved 1114112K
                """;

        assertThat(Memory.heapUsedMegabytes(heapInfo)).isEqualTo(20.0);
        assertThat(Memory.heapCommittedMegabytes(heapInfo)).isEqualTo(63.0);
    }

    @Test
    void garbageFirstReportsOneHeapLine() {
        String heapInfo = """
                12345:
                 garbage-first heap   total reserved 393216K, committed 65536K, used 30720K [0x00000000e8000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 61000K, committed 61500K, reserved 1114112K
                """;

        assertThat(Memory.heapUsedMegabytes(heapInfo)).isEqualTo(30.0);
        assertThat(Memory.heapCommittedMegabytes(heapInfo)).isEqualTo(64.0);
    }

    @Test
    void garbageFirstBeforeJdk25ReportsWhatItCommittedAsItsTotal() {
        String heapInfo = " garbage-first heap   total 65536K, used 30720K [0x00000000e8000000, 0x0000000100000000)\n";

        assertThat(Memory.heapCommittedMegabytes(heapInfo)).isEqualTo(64.0);
        assertThat(Memory.heapUsedMegabytes(heapInfo)).isEqualTo(30.0);
    }

    @Test
    void anUnknownFormatIsNotANumber() {
        assertThat(Memory.heapUsedMegabytes("no heap here")).isNaN();
        assertThat(Memory.heapCommittedMegabytes("")).isNaN();
    }
}
