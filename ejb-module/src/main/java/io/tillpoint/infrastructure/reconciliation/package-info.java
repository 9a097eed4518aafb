/** Where acquirers' clearing files arrive: a folder of the data folder. */
package io.tillpoint.infrastructure.reconciliation;
