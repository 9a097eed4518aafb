/** The settlement job: its chunk step, its completion step, and the lease-based schedule that starts it once per cut-off. */
package io.tillpoint.batch.settlement;
