/** Settlement files: the CSV detail report, the ISO 20022 camt.053 statement and the pain.001 payout (prowide). */
package io.tillpoint.batch.file;
