/**
 * Application services: one use case per business method, one short JTA transaction each.
 * Calls to providers happen between transactions, never inside one.
 */
package io.tillpoint.application;
