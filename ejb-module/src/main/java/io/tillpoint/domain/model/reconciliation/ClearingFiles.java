package io.tillpoint.domain.model.reconciliation;

import java.time.LocalDate;
import java.util.Optional;

/** Port: where the acquirer's clearing files arrive; the text of one day's file, when it is there. */
public interface ClearingFiles {

    Optional<String> forDay(LocalDate day);
}
