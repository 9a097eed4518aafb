package io.tillpoint.infrastructure.persistence;

import jakarta.persistence.OptimisticLockException;

/** Recognises a lost optimistic lock (a concurrent change) under whatever the JPA provider wrapped it in. */
public final class OptimisticLock {

    private OptimisticLock() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException || c.getClass().getName().contains("OptimisticLock")) {
                return true;
            }
        }
        return false;
    }
}
