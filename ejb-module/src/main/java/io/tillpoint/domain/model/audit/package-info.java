/**
 * The audit trail: one append-only entry per administrative action (who, what, to which object,
 * from where, the object before and after, masked), written in the action's own transaction.
 */
package io.tillpoint.domain.model.audit;
