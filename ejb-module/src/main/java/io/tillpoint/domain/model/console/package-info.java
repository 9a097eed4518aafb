/** The back office: console roles and what each may do, sign-in lock-out, four-eyes refund approvals, payment search and timeline. */
package io.tillpoint.domain.model.console;
