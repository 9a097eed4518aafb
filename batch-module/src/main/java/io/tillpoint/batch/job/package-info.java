/** Starting and scheduling the gateway's Jakarta Batch jobs. */
package io.tillpoint.batch.job;
