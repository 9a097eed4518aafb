package io.tillpoint.application;

import io.tillpoint.infrastructure.connector.sandbox.SandboxClearingFile;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;

/** The sandbox acquirer writes its clearing file of a day (with the mismatches it is told to plant). */
@Stateless
public class SandboxClearing {

    @Inject
    SandboxClearingFile sandbox;

    public SandboxClearingFile.Written write(LocalDate day, SandboxClearingFile.Plan plan) {
        return sandbox.write(day, plan);
    }
}
