package io.tillpoint.batch.recovery;

import io.tillpoint.application.RecoveryService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * Works through the due follow-ups a page at a time until none is left (or the job is
 * stopped). Claims are in the database, so the same job running on another instance at the
 * same time takes other follow-ups, never the same ones. Exit status: how many it took.
 */
@Named
@Dependent
public class RecoverUnknownOutcomes extends AbstractBatchlet {

    /** A run ends after this many pages, so a flood of due work does not keep one execution for ever. */
    static final int MAX_PAGES = 2000;

    @EJB
    RecoveryService recovery;

    private volatile boolean stopped;

    @Override
    public String process() {
        int taken = 0;
        for (int page = 0; page < MAX_PAGES && !stopped; page++) {
            int claimed = recovery.recoverDue();
            taken += claimed;
            if (claimed < RecoveryService.CLAIM_PAGE) {
                break;
            }
        }
        return stopped ? BatchStatus.STOPPED.name() : "TOOK " + taken;
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
