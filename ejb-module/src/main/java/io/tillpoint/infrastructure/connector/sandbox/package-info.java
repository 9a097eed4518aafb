/**
 * The in-process sandbox acquirer: the default connector on a laptop and in tests,
 * answering by the contract's table of test cards.
 */
package io.tillpoint.infrastructure.connector.sandbox;
