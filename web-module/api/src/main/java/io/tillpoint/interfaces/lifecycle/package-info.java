/**
 * Whether the API takes requests: starting, ready or stopping (503 with Retry-After while it does
 * not), and the launcher's signals in the data folder that open and close that gate.
 */
package io.tillpoint.interfaces.lifecycle;
