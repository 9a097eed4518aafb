package io.tillpoint.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void aPublicIdIsItsPrefixAnd24Base62Characters() {
        String id = Ids.newId("pay");

        assertThat(id).matches("pay_[0-9A-Za-z]{24}");
        assertThat(Ids.looksLike("pay", id)).isTrue();
        assertThat(Ids.looksLike("re", id)).isFalse();
    }

    @Test
    void publicIdsSortByCreationTimeSoThatIndexesGrowAtOneEnd() {
        long now = 1_795_000_000_000L;

        String earlier = Ids.newId("pay", now);
        String later = Ids.newId("pay", now + 1);
        String muchLater = Ids.newId("pay", now + 86_400_000L * 365 * 50);

        assertThat(earlier).isLessThan(later);
        assertThat(later).isLessThan(muchLater);
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomPart() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId("pay", 1_795_000_000_000L));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void threadsWithTheirOwnGeneratorsNeverMakeTheSameId() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    ids.add(Ids.newId("pay", 1_795_000_000_000L));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(ids).hasSize(16_000);
    }

    @Test
    void aRandomTokenUsesTheWholeAlphabet() {
        String token = Ids.randomToken(5_000);

        assertThat(token).hasSize(5_000).matches("[0-9A-Za-z]+");
        assertThat(token.chars().distinct().count()).isEqualTo(62);
    }

    @Test
    void anInternalIdIsAVersion7UuidInTimeOrder() {
        UUID earlier = Ids.timeOrderedUuid(1_795_000_000_000L);
        UUID later = Ids.timeOrderedUuid(1_795_000_000_001L);

        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(UUID.fromString(Ids.timeOrderedUuid())).isNotNull();
    }
}
