-- H2 cannot run a trigger without a Java class on the server's class path; on the
-- embedded database append-only is enforced by the mapping (no updatable ledger
-- column) and checked by the test suite. This version keeps both databases in step.
select 1;
