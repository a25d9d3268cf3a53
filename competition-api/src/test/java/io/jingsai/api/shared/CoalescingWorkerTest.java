package io.jingsai.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

/** Rounds one at a time; wake-ups during a round or a rest coalesce into one more round. */
class CoalescingWorkerTest {

    @Test
    void wakeUpsDuringTheRestAreOneRoundAfterIt() throws InterruptedException {
        List<Long> rounds = new CopyOnWriteArrayList<>();
        Duration rest = Duration.ofMillis(400);
        CoalescingWorker worker = new CoalescingWorker("test", () -> Mono.fromRunnable(
                () -> rounds.add(System.nanoTime())), rest);
        try {
            long start = System.nanoTime();
            worker.wake();
            waitFor(rounds, 1);
            for (int i = 0; i < 5; i++) {
                worker.wake();
            }
            waitFor(rounds, 2);
            Thread.sleep(rest.toMillis() * 2);
            assertThat(rounds).as("five wake-ups during the rest: one round").hasSize(2);
            assertThat(rounds.get(1) - rounds.get(0)).as("the second round waited for the rest")
                    .isGreaterThanOrEqualTo(rest.toNanos());
            assertThat(rounds.get(0) - start).as("the first round did not wait").isLessThan(rest.toNanos());
        } finally {
            worker.dispose();
        }
    }

    @Test
    void aNegativeRestIsRefused() {
        assertThatThrownBy(() -> new CoalescingWorker("test", Mono::empty, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rest must not be negative, was PT-0.001S");
    }

    private static void waitFor(List<Long> rounds, int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (rounds.size() < count) {
            assertThat(System.nanoTime()).as("waited 10 s for round " + count).isLessThan(until);
            Thread.sleep(5);
        }
    }
}
