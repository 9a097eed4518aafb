package io.tillpoint.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

/** A concurrent change is recognised however deep the JPA provider wrapped it, and nothing else is. */
class OptimisticLockTest {

    /** Stands for a provider's own exception type (EclipseLink has one by that name). */
    static class ProviderOptimisticLockException extends RuntimeException {
    }

    @Test
    void the_jakarta_exception_itself_or_wrapped() {
        assertThat(OptimisticLock.causes(new OptimisticLockException())).isTrue();
        assertThat(OptimisticLock.causes(new PersistenceException(new RuntimeException(new OptimisticLockException()))))
                .isTrue();
    }

    @Test
    void a_providers_own_optimistic_lock_exception_in_the_chain() {
        assertThat(OptimisticLock.causes(new PersistenceException(new ProviderOptimisticLockException()))).isTrue();
    }

    @Test
    void any_other_failure_is_not_a_concurrent_change() {
        assertThat(OptimisticLock.causes(new PersistenceException("connection refused"))).isFalse();
        assertThat(OptimisticLock.causes(new PersistenceException(new IllegalStateException()))).isFalse();
    }
}
